import type { Flow } from '../schema/index.js';

/** What `validateFlow` knows about the rest of the bot. Every field is optional. */
export interface ValidationContext {
  /** The other flows of the bot, for jump targets (the flow being validated may be among them). */
  flows?: ReadonlyMap<string, Flow> | readonly Flow[];
  /** Backend action names the server provides; when undefined, action names are not checked. */
  actions?: readonly string[];
  /** Intent names declared bot-wide, in addition to the flow's own. */
  intents?: readonly string[];
  /** Fewer examples than this per declared locale earns a warning; 5 when absent. */
  minExamplesPerIntent?: number;
}

export const DEFAULT_MIN_EXAMPLES_PER_INTENT = 5;

/** The context with lookups built once per validation. */
export interface ResolvedContext {
  flowsById: ReadonlyMap<string, Flow>;
  actions: ReadonlySet<string> | undefined;
  intents: ReadonlySet<string>;
  minExamplesPerIntent: number;
}

/**
 * Builds the lookups the checks use. The flow being validated always counts as one of the bot's
 * flows, so jumps within it resolve even when `context.flows` is absent.
 */
export function resolveContext(flow: Flow, context: ValidationContext): ResolvedContext {
  const flowsById = new Map<string, Flow>();
  const others = context.flows ?? [];
  for (const other of isFlowMap(others) ? others.values() : others) {
    if (!flowsById.has(other.id)) flowsById.set(other.id, other);
  }
  flowsById.set(flow.id, flow);
  return {
    flowsById,
    actions: context.actions ? new Set(context.actions) : undefined,
    intents: new Set([...(context.intents ?? []), ...flow.intents.map((i) => i.name)]),
    minExamplesPerIntent: context.minExamplesPerIntent ?? DEFAULT_MIN_EXAMPLES_PER_INTENT,
  };
}

function isFlowMap(flows: ReadonlyMap<string, Flow> | readonly Flow[]): flows is ReadonlyMap<string, Flow> {
  return !Array.isArray(flows);
}
