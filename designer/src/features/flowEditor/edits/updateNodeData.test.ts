import type { FlowNode } from '@switchboard/engine/schema';
import { describe, expect, it } from 'vitest';
import { fixtureFlow } from './fixtureFlow';
import { updateNodeData } from './updateNodeData';

const messageOf = (nodes: FlowNode[]) => {
  const node = nodes.find((n) => n.id === 'message-1');
  if (node?.type !== 'message') throw new Error('fixture changed');
  return node;
};

describe('updateNodeData', () => {
  it('replaces the data and keeps the position when the inspector edits a node', () => {
    const flow = fixtureFlow();
    const message = messageOf(flow.nodes);
    const next = updateNodeData(flow, {
      node: { ...message, position: { x: -1, y: -1 }, data: { ...message.data, text: { en: 'Hi', ru: 'Привет' } } },
    });
    expect(messageOf(next.nodes).data.text).toEqual({ en: 'Hi', ru: 'Привет' });
    expect(messageOf(next.nodes).position).toEqual(message.position);
  });

  it('drops the edge of a button when the button is removed', () => {
    const flow = fixtureFlow({ edges: [{ id: 'e3', source: 'message-1', sourceHandle: 'no', target: 'ask-1' }] });
    const message = messageOf(flow.nodes);
    const next = updateNodeData(flow, { node: { ...message, data: { ...message.data, buttons: message.data.buttons?.slice(0, 1) } } });
    expect(next.edges.map((e) => e.id)).toEqual(['e1', 'e2']);
  });

  it('returns the same flow when the node is unknown', () => {
    const flow = fixtureFlow();
    const message = messageOf(flow.nodes);
    expect(updateNodeData(flow, { node: { ...message, id: 'ghost', data: { text: {} } } })).toBe(flow);
  });
});
