import type { Flow } from '../schema/index.js';

/** Variables every conversation has, filled by the engine from the contact and the bot settings. */
export const BUILT_IN_VARIABLES: readonly string[] = [
  'profile.name',
  'profile.phone',
  'business.name',
  'business.address',
  'business.hours',
  'locale',
];

const rootOf = (path: string): string => path.split('.', 1)[0] ?? path;

/** Decides whether a variable path means something in a flow. */
export type IsKnownVariable = (path: string) => boolean;

/**
 * Builds the test for variable references in `flow`: a built-in, or a path whose first segment is
 * declared in `flow.variables` or written by an Ask, a Set or an Action's result.
 *
 * @example knownVariables(flowWithOrderVariable)('order.status') // → true
 */
export function knownVariables(flow: Flow): IsKnownVariable {
  const roots = new Set(flow.variables.map((v) => rootOf(v.name)));
  for (const node of flow.nodes) {
    if (node.type === 'ask') roots.add(rootOf(node.data.variable));
    if (node.type === 'set') for (const a of node.data.assignments) roots.add(rootOf(a.variable));
    if (node.type === 'action' && node.data.resultVariable) roots.add(rootOf(node.data.resultVariable));
  }
  const builtIns = new Set(BUILT_IN_VARIABLES);
  return (path) => builtIns.has(path) || roots.has(rootOf(path));
}
