import { FlowSchema, NODE_TYPES, type Flow } from '@switchboard/engine/schema';
import { describe, expect, it } from 'vitest';
import { addNode, nextNodeId } from './addNode';
import { fixtureFlow } from './fixtureFlow';

describe('addNode', () => {
  it('appends a node with the next free id of its type when dropped on the canvas', () => {
    const flow = fixtureFlow();
    const id = nextNodeId(flow, 'ask');
    const next = addNode(flow, { id, type: 'ask', position: { x: 10, y: 20 } });
    expect(id).toBe('ask-2');
    expect(next.nodes.at(-1)).toMatchObject({ id: 'ask-2', type: 'ask', position: { x: 10, y: 20 } });
    expect(flow.nodes).toHaveLength(3);
  });

  it('creates schema-valid data when any node type is added', () => {
    let flow: Flow = { ...fixtureFlow(), nodes: [] };
    for (const type of NODE_TYPES) flow = addNode(flow, { id: nextNodeId(flow, type), type, position: { x: 0, y: 0 } });
    expect(flow.nodes.map((n) => n.type)).toEqual([...NODE_TYPES]);
    expect(FlowSchema.safeParse(flow).success).toBe(true);
  });

  it('starts localized texts empty in every locale of the flow when a message is added', () => {
    const next = addNode(fixtureFlow(), { id: 'm', type: 'message', position: { x: 0, y: 0 } });
    expect(next.nodes.at(-1)?.data).toEqual({ text: { en: '', ru: '' } });
  });

  it('names the first backend action when an action node is added and actions are known', () => {
    const next = addNode(fixtureFlow(), { id: 'a', type: 'action', position: { x: 0, y: 0 }, actions: ['lookupOrder'] });
    expect(next.nodes.at(-1)?.data).toMatchObject({ action: 'lookupOrder' });
  });

  it('refuses a second start node when the flow already has one', () => {
    const flow = fixtureFlow();
    expect(addNode(flow, { id: 'start-2', type: 'start', position: { x: 0, y: 0 } })).toBe(flow);
  });

  it('changes nothing when the id is taken', () => {
    const flow = fixtureFlow();
    expect(addNode(flow, { id: 'ask-1', type: 'ask', position: { x: 0, y: 0 } })).toBe(flow);
  });
});
