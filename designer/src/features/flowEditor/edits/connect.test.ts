import { describe, expect, it } from 'vitest';
import { canConnect } from './canConnect';
import { connect } from './connect';
import { fixtureFlow } from './fixtureFlow';

describe('canConnect', () => {
  const flow = fixtureFlow();

  it('accepts a free handle into another node', () => {
    expect(canConnect(flow, { source: 'message-1', sourceHandle: 'yes', target: 'ask-1' })).toEqual({ ok: true });
  });

  it('refuses when the edge would loop a node onto itself', () => {
    expect(canConnect(flow, { source: 'ask-1', sourceHandle: 'invalid', target: 'ask-1' })).toMatchObject({ reason: 'self-loop' });
  });

  it('refuses when the target is the start node', () => {
    expect(canConnect(flow, { source: 'message-1', sourceHandle: 'yes', target: 'start' })).toMatchObject({ reason: 'into-start' });
  });

  it('refuses when the handle already has an edge', () => {
    expect(canConnect(flow, { source: 'ask-1', sourceHandle: 'valid', target: 'message-1' })).toMatchObject({ reason: 'handle-taken' });
  });

  it('refuses when the source node has no such handle', () => {
    expect(canConnect(flow, { source: 'ask-1', sourceHandle: 'maybe', target: 'message-1' })).toMatchObject({ reason: 'unknown-handle' });
    expect(canConnect(flow, { source: 'ask-1', sourceHandle: null, target: 'message-1' })).toMatchObject({ reason: 'unknown-handle' });
  });
});

describe('connect', () => {
  it('adds an edge from the handle when the connection is allowed', () => {
    const next = connect(fixtureFlow(), { source: 'message-1', sourceHandle: 'no', target: 'ask-1' });
    expect(next.edges.at(-1)).toEqual({ id: 'e-message-1-no-1', source: 'message-1', sourceHandle: 'no', target: 'ask-1' });
  });

  it('returns the same flow when the connection is refused', () => {
    const flow = fixtureFlow();
    expect(connect(flow, { source: 'ask-1', sourceHandle: 'valid', target: 'message-1' })).toBe(flow);
  });
});
