import { describe, expect, it } from 'vitest';
import { fixtureFlow } from './fixtureFlow';
import { removeElements } from './removeElements';

describe('removeElements', () => {
  it('removes the edges touching a node when the node is deleted', () => {
    const next = removeElements(fixtureFlow(), { nodeIds: ['ask-1'] });
    expect(next.nodes.map((n) => n.id)).toEqual(['start', 'message-1']);
    expect(next.edges).toEqual([]);
  });

  it('removes only the chosen edge when an edge is deleted', () => {
    const next = removeElements(fixtureFlow(), { edgeIds: ['e2'] });
    expect(next.edges.map((e) => e.id)).toEqual(['e1']);
    expect(next.nodes).toHaveLength(3);
  });

  it('returns the same flow when nothing matches', () => {
    const flow = fixtureFlow();
    expect(removeElements(flow, { nodeIds: ['nope'] })).toBe(flow);
    expect(removeElements(flow, {})).toBe(flow);
  });
});
