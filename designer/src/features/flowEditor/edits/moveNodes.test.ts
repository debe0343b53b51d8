import { describe, expect, it } from 'vitest';
import { fixtureFlow } from './fixtureFlow';
import { moveNodes } from './moveNodes';

describe('moveNodes', () => {
  it('moves only the named nodes when several are dragged', () => {
    const flow = fixtureFlow();
    const next = moveNodes(flow, { positions: { 'ask-1': { x: 5, y: 6 } } });
    expect(next.nodes[1]?.position).toEqual({ x: 5, y: 6 });
    expect(next.nodes[0]).toBe(flow.nodes[0]);
  });

  it('returns the same flow when no position changes', () => {
    const flow = fixtureFlow();
    expect(moveNodes(flow, { positions: { start: { x: 0, y: 0 } } })).toBe(flow);
  });
});
