import { describe, expect, it } from 'vitest';
import type { FlowRecord } from '../../../api/schemas';
import { connect, renameFlow, updateNodeData } from '../edits';
import { fixtureFlow } from '../edits/fixtureFlow';
import { createEditorStore } from './createEditorStore';

const record = (overrides: Partial<FlowRecord> = {}): FlowRecord => ({
  id: 'orders',
  name: 'Orders',
  status: 'draft',
  revision: 3,
  updatedAt: '2025-01-01T00:00:00Z',
  updatedBy: 'ana@example.com',
  publishedVersion: null,
  draft: fixtureFlow(),
  ...overrides,
});

describe('createEditorStore', () => {
  it('undoes and redoes every dispatched edit', () => {
    const store = createEditorStore({ record: record(), now: () => 0 });
    store.getState().dispatch(connect, { source: 'message-1', sourceHandle: 'yes', target: 'ask-1' });
    expect(store.getState().flow.edges).toHaveLength(3);
    store.getState().undo();
    expect(store.getState().flow.edges).toHaveLength(2);
    store.getState().redo();
    expect(store.getState().flow.edges).toHaveLength(3);
  });

  it('makes one undo step of a whole drag when nodes are dragged', () => {
    const store = createEditorStore({ record: record() });
    const original = store.getState().flow;
    for (let x = 1; x <= 5; x += 1) store.getState().dragNodes({ 'ask-1': { x, y: 0 } });
    store.getState().endDrag();
    expect(store.getState().history.past).toEqual([original]);
    store.getState().undo();
    expect(store.getState().flow).toBe(original);
  });

  it('merges keystrokes into one field into one undo step', () => {
    let clock = 0;
    const store = createEditorStore({ record: record(), now: () => clock });
    const node = store.getState().flow.nodes.find((n) => n.id === 'message-1');
    if (node?.type !== 'message') throw new Error('fixture changed');
    for (const text of ['H', 'Hi', 'Hi!']) {
      clock += 100;
      store.getState().dispatch(updateNodeData, { node: { ...node, data: { ...node.data, text: { en: text } } } }, { key: 'message-1:text' });
    }
    expect(store.getState().history.past).toHaveLength(1);
  });

  it('pastes copies of the selection and selects them', () => {
    const store = createEditorStore({ record: record() });
    store.getState().setSelection({ nodeIds: ['ask-1'], edgeIds: [] });
    store.getState().copy();
    store.getState().pasteClipboard();
    expect(store.getState().selection.nodeIds).toEqual(['ask-2']);
    expect(store.getState().flow.nodes).toHaveLength(4);
  });

  it('selects a node added from the palette', () => {
    const store = createEditorStore({ record: record() });
    store.getState().addNodeAt({ type: 'route', position: { x: 0, y: 0 } });
    expect(store.getState().selection.nodeIds).toEqual(['route-1']);
  });

  it('builds the next save on their revision when the analyst keeps their own draft after a conflict', () => {
    const store = createEditorStore({ record: record() });
    store.getState().dispatch(renameFlow, { name: 'Mine' });
    store.getState().conflictDetected(record({ revision: 7, draft: renameFlow(fixtureFlow(), { name: 'Theirs' }) }));
    store.getState().keepMine();
    expect(store.getState().save).toMatchObject({ revision: 7, conflict: null });
    expect(store.getState().flow.name).toBe('Mine');
  });

  it('shows their draft, undoably, when the analyst loads theirs after a conflict', () => {
    const store = createEditorStore({ record: record() });
    store.getState().dispatch(renameFlow, { name: 'Mine' });
    const theirs = record({ revision: 7, draft: renameFlow(fixtureFlow(), { name: 'Theirs' }) });
    store.getState().conflictDetected(theirs);
    store.getState().loadRecord(theirs);
    expect(store.getState().flow.name).toBe('Theirs');
    expect(store.getState().save.savedFlow).toBe(theirs.draft);
    store.getState().undo();
    expect(store.getState().flow.name).toBe('Mine');
  });
});
