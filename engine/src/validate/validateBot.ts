import type { Flow, FlowIssue } from '../schema/index.js';
import { validateFlow } from './validateFlow.js';
import type { ValidationContext } from './validationContext.js';

/** Context for a whole bot; the flows themselves come as the first argument. */
export type BotValidationContext = Omit<ValidationContext, 'flows'>;

/**
 * Validates every flow of a bot against the others (jump targets, intents declared in any flow)
 * and checks what only the bot as a whole can get wrong, such as two flows with one id.
 *
 * @example validateBot([mainFlow, ordersFlow], { actions: ['lookupOrder'] }) // → FlowIssue[]
 */
export function validateBot(flows: readonly Flow[], context: BotValidationContext = {}): FlowIssue[] {
  const issues: FlowIssue[] = [];
  const seen = new Set<string>();
  flows.forEach((flow, i) => {
    if (seen.has(flow.id)) {
      issues.push({
        code: 'flow/duplicate-flow-id',
        severity: 'error',
        flowId: flow.id,
        path: `flows.${i}.id`,
        message: `Two flows share the id "${flow.id}" ("${flow.name}" is the second); jumps and triggers could not tell them apart. Give one a new id.`,
      });
    }
    seen.add(flow.id);
  });

  const intents = [...(context.intents ?? []), ...flows.flatMap((f) => f.intents.map((i) => i.name))];
  const botContext: ValidationContext = { ...context, flows, intents };
  for (const flow of flows) issues.push(...validateFlow(flow, botContext));
  return issues;
}
