import type { FlowInput } from '../schema/index.js';

type NodeInput = FlowInput['nodes'][number];
type DataOf<T extends NodeInput['type']> = Extract<NodeInput, { type: T }>['data'];

/** Builds flow documents for tests: `flow('f').node('s', 'start', {}).edge('s', 'next', 'm').build()`. */
export function flow(id: string, extra: Partial<FlowInput> = {}) {
  // Kept loosely typed: the builder's generic pairs each type with its data, and compileBot parses documents anyway.
  const nodes: { id: string; type: NodeInput['type']; position: { x: number; y: number }; data: unknown }[] = [];
  const edges: FlowInput['edges'] = [];
  const builder = {
    node<T extends NodeInput['type']>(nodeId: string, type: T, data: DataOf<T>) {
      nodes.push({ id: nodeId, type, position: { x: nodes.length * 200, y: 0 }, data });
      return builder;
    },
    edge(source: string, sourceHandle: string, target: string) {
      edges.push({ id: `${source}.${sourceHandle}->${target}`, source, sourceHandle, target });
      return builder;
    },
    build(): Omit<FlowInput, 'nodes'> & { nodes: typeof nodes } {
      return { schemaVersion: 1, id, name: id, locales: ['en', 'ru'], ...extra, nodes: [...nodes], edges: [...edges] };
    },
  };
  return builder;
}

export const t = (en: string, ru: string) => ({ en, ru });
