import { describe, expect, it } from 'vitest';
import { fixtureFlow } from './fixtureFlow';
import { renameFlow } from './renameFlow';
import { updateFlowSettings } from './updateFlowSettings';

describe('renameFlow', () => {
  it('sets the trimmed name when renamed', () => {
    expect(renameFlow(fixtureFlow(), { name: '  Order status ' }).name).toBe('Order status');
  });

  it('keeps the old name when the new one is blank', () => {
    const flow = fixtureFlow();
    expect(renameFlow(flow, { name: '   ' })).toBe(flow);
  });
});

describe('updateFlowSettings', () => {
  it('replaces the given settings when the analyst edits them', () => {
    const next = updateFlowSettings(fixtureFlow(), { patch: { description: 'Track orders', locales: ['en'] } });
    expect(next).toMatchObject({ description: 'Track orders', locales: ['en'] });
  });

  it('returns the same flow when the patch is empty', () => {
    const flow = fixtureFlow();
    expect(updateFlowSettings(flow, { patch: {} })).toBe(flow);
  });
});
