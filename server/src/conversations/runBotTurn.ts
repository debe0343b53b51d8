import { step, type Bot, type ConversationSnapshot, type Effect, type Inbound, type Json, type TraceEntry } from '@switchboard/engine';
import type { ActionRegistry } from '../actions/types.js';

export interface BotTurn {
  snapshot: ConversationSnapshot;
  effects: Effect[];
  trace: TraceEntry[];
}

/** Most action → result → step rounds one inbound event may cause (a guard against action loops). */
const MAX_ROUNDS = 10;

/**
 * Steps the engine for one inbound event and carries out its `callAction` effects right away,
 * feeding each result back, until the bot waits for the customer again.
 */
export async function runBotTurn(input: {
  bot: Bot;
  snapshot: ConversationSnapshot | null;
  inbound: Inbound;
  now: number;
  profile: { name?: string; phone?: string };
  actions: ActionRegistry;
  actionTimeoutMs: number;
}): Promise<BotTurn> {
  let snapshot = input.snapshot;
  let inbound: Inbound | null = input.inbound;
  const effects: Effect[] = [];
  const trace: TraceEntry[] = [];
  for (let round = 0; inbound && round < MAX_ROUNDS; round += 1) {
    const result = step({ bot: input.bot, snapshot, inbound, now: input.now, profile: input.profile });
    snapshot = result.snapshot;
    effects.push(...result.effects);
    trace.push(...result.trace);
    inbound = null;
    const call = result.effects.find((e) => e.type === 'callAction');
    if (call) {
      const handler = input.actions.get(call.action);
      const outcome = handler
        ? await handler(call.input, AbortSignal.timeout(input.actionTimeoutMs)).catch((): { status: 'error'; data: Json } => ({ status: 'error', data: { message: 'action failed' } }))
        : { status: 'error' as const, data: { message: `unknown action ${call.action}` } };
      inbound = { type: 'actionResult', requestId: call.requestId, status: outcome.status, ...(outcome.data === undefined ? {} : { data: outcome.data }) };
    }
  }
  if (!snapshot) throw new Error('the engine returned no snapshot');
  return { snapshot, effects, trace };
}
