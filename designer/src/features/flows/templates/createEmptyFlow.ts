import type { Flow } from '@switchboard/engine/schema';

/** A new flow: English and Russian, one start node, nothing else. */
export function createEmptyFlow(args: { id: string; name: string; locales?: string[] }): Flow {
  return {
    schemaVersion: 1,
    id: args.id,
    name: args.name,
    description: '',
    locales: args.locales ?? ['en', 'ru'],
    triggers: { keywords: {}, intents: [] },
    intents: [],
    variables: [],
    settings: {},
    nodes: [{ id: 'start', type: 'start', position: { x: 0, y: 120 }, data: {} }],
    edges: [],
  };
}
