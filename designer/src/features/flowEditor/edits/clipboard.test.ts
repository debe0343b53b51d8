import { describe, expect, it } from 'vitest';
import { copySelection, paste } from './clipboard';
import { fixtureFlow } from './fixtureFlow';

describe('copySelection', () => {
  it('keeps the edges between copied nodes and leaves the start node out', () => {
    const clip = copySelection(fixtureFlow(), { nodeIds: ['start', 'ask-1', 'message-1'] });
    expect(clip.nodes.map((n) => n.id)).toEqual(['ask-1', 'message-1']);
    expect(clip.edges.map((e) => e.id)).toEqual(['e2']);
  });
});

describe('paste', () => {
  it('adds renamed copies, shifted, with their inner edges rewired when pasted', () => {
    const flow = fixtureFlow();
    const clipboard = copySelection(flow, { nodeIds: ['ask-1', 'message-1'] });
    const { flow: next, nodeIds } = paste(flow, { clipboard, offset: { x: 40, y: 40 } });
    expect(nodeIds).toEqual(['ask-2', 'message-2']);
    expect(next.nodes.find((n) => n.id === 'ask-2')?.position).toEqual({ x: 340, y: 40 });
    expect(next.edges.at(-1)).toMatchObject({ source: 'ask-2', sourceHandle: 'valid', target: 'message-2' });
    expect(new Set(next.edges.map((e) => e.id)).size).toBe(next.edges.length);
  });

  it('returns the same flow when the clipboard is empty', () => {
    const flow = fixtureFlow();
    expect(paste(flow, { clipboard: { nodes: [], edges: [] }, offset: { x: 0, y: 0 } }).flow).toBe(flow);
  });
});
