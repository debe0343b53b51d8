import { runTurn, type Bot, type ConversationSnapshot, type Inbound, type StepResult } from '@switchboard/engine';
import type { ActionRegistry } from '../actions/types.js';

/**
 * Runs the engine's turn loop for one inbound event with the server's backend actions, each bounded
 * by `actionTimeoutMs`; an unknown action answers `error`.
 */
export function runBotTurn(input: {
  bot: Bot;
  snapshot: ConversationSnapshot | null;
  inbound: Inbound;
  now: number;
  profile: { name?: string; phone?: string };
  actions: ActionRegistry;
  actionTimeoutMs: number;
}): Promise<StepResult> {
  const { actions, actionTimeoutMs, ...turn } = input;
  return runTurn({
    ...turn,
    runAction: async (call) => {
      const handler = actions.get(call.action);
      if (!handler) return { status: 'error', data: { message: `unknown action ${call.action}` } };
      return handler(call.input, AbortSignal.timeout(actionTimeoutMs));
    },
  });
}
