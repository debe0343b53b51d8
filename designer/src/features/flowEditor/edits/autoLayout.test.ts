import { describe, expect, it } from 'vitest';
import { autoLayout } from './autoLayout';
import { fixtureFlow } from './fixtureFlow';

describe('autoLayout', () => {
  it('places each node to the right of its predecessor when laid out', () => {
    const flow = fixtureFlow();
    const next = autoLayout(flow, { sizes: {} });
    const x = (id: string) => next.nodes.find((n) => n.id === id)?.position.x ?? Number.NaN;
    expect(x('start')).toBeLessThan(x('ask-1'));
    expect(x('ask-1')).toBeLessThan(x('message-1'));
  });

  it('gives the same positions when run twice on the same flow', () => {
    const flow = fixtureFlow();
    expect(autoLayout(flow, { sizes: { start: { width: 100, height: 40 } } })).toEqual(
      autoLayout(flow, { sizes: { start: { width: 100, height: 40 } } }),
    );
  });

  it('keeps every node when some are unreachable from the start', () => {
    const flow = fixtureFlow({ nodes: [{ id: 'lonely', type: 'end', position: { x: 0, y: 0 }, data: {} }] });
    const next = autoLayout(flow, { sizes: {} });
    expect(next.nodes.map((n) => n.id)).toEqual(flow.nodes.map((n) => n.id));
    expect(next.nodes.every((n) => Number.isFinite(n.position.x) && Number.isFinite(n.position.y))).toBe(true);
  });
});
