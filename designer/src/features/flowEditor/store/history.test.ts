import { describe, expect, it } from 'vitest';
import { fixtureFlow } from '../edits/fixtureFlow';
import { renameFlow } from '../edits/renameFlow';
import { emptyHistory, HISTORY_LIMIT, recordEdit, redo, undo } from './history';

const a = fixtureFlow();
const b = renameFlow(a, { name: 'B' });
const c = renameFlow(b, { name: 'C' });

describe('history', () => {
  it('returns to the previous flow when undone and forward again when redone', () => {
    let history = recordEdit(emptyHistory, { before: a, now: 0 });
    history = recordEdit(history, { before: b, now: 1 });
    const back = undo(history, c);
    expect(back?.flow).toBe(b);
    const again = back && redo(back.history, back.flow);
    expect(again?.flow).toBe(c);
  });

  it('merges edits with the same key when they come within a second', () => {
    let history = recordEdit(emptyHistory, { before: a, key: 'node:m:text', now: 0 });
    history = recordEdit(history, { before: b, key: 'node:m:text', now: 500 });
    expect(history.past).toEqual([a]);
    history = recordEdit(history, { before: c, key: 'node:m:text', now: 2000 });
    expect(history.past).toEqual([a, c]);
  });

  it('forgets the redo stack when a new edit follows an undo', () => {
    let history = recordEdit(emptyHistory, { before: a, now: 0 });
    const back = undo(history, b);
    history = recordEdit(back?.history ?? emptyHistory, { before: a, now: 1 });
    expect(history.future).toEqual([]);
  });

  it('gives nothing when there is nothing to undo or redo', () => {
    expect(undo(emptyHistory, a)).toBeUndefined();
    expect(redo(emptyHistory, a)).toBeUndefined();
  });

  it('keeps at most the limit of steps when many edits pile up', () => {
    let history = emptyHistory;
    for (let i = 0; i < HISTORY_LIMIT + 5; i += 1) history = recordEdit(history, { before: a, now: i });
    expect(history.past).toHaveLength(HISTORY_LIMIT);
  });
});
