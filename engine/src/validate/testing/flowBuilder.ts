import type { z } from 'zod';
import { FlowSchema, type Flow, type FlowEdge, type FlowInput, type FlowNodeSchema } from '../../schema/index.js';

type NodeInput = z.input<typeof FlowNodeSchema>;
/** A node as tests write it: everything but the position. */
export type NodeSpec = NodeInput extends infer N ? (N extends NodeInput ? Omit<N, 'position'> : never) : never;

/** A node at the origin (positions never matter to validation). */
export const node = (spec: NodeSpec): NodeInput => ({ ...spec, position: { x: 0, y: 0 } });

/** An edge whose id says what it joins. */
export const edge = (source: string, sourceHandle: string, target: string, id = `${source}.${sourceHandle}->${target}`): FlowEdge => ({
  id,
  source,
  sourceHandle,
  target,
});

/** A flow with test defaults (id `test`, English only), parsed so that zod defaults apply. */
export function buildFlow(input: Partial<FlowInput> & Pick<FlowInput, 'nodes' | 'edges'>): Flow {
  return FlowSchema.parse({ schemaVersion: 1, id: 'test', name: 'Test', locales: ['en'], ...input });
}

/** Start → a message → end: the smallest flow without issues. */
export function helloFlow(id = 'hello'): Flow {
  return buildFlow({
    id,
    nodes: [
      node({ id: 's', type: 'start', data: {} }),
      node({ id: 'm', type: 'message', data: { text: { en: 'Hello {{profile.name}}' } } }),
      node({ id: 'e', type: 'end', data: {} }),
    ],
    edges: [edge('s', 'next', 'm'), edge('m', 'next', 'e')],
  });
}
