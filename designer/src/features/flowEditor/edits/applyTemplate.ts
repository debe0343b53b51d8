import type { Flow } from '@switchboard/engine/schema';

/**
 * Fills the flow with a template's content (nodes, edges, triggers, intents, variables), keeping
 * the flow's own id, name and locales.
 */
export function applyTemplate(flow: Flow, args: { template: Flow }): Flow {
  const { nodes, edges, triggers, intents, variables, description } = args.template;
  return { ...flow, nodes, edges, triggers, intents, variables, description: flow.description || description };
}
