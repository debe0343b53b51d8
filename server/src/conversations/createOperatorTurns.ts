import { randomUUID } from 'node:crypto';
import type { ActionRegistry } from '../actions/types.js';
import type { BotRegistry } from '../bot/createBotRegistry.js';
import { AppError } from '../http/AppError.js';
import type { Conversation, NewOutbound, StoredMessage, Store, TurnCommit } from '../store/types.js';
import { effectsToTurn } from './effectsToTurn.js';
import { runBotTurn } from './runBotTurn.js';
import { parseSnapshot, toSnapshotJson } from '@switchboard/engine';

/** What an operator (or a business system) does to a conversation, decided from its current state. */
export interface OperatorPlan {
  /** Nothing to do (already in the wanted state): no commit. */
  skip?: boolean;
  patch?: TurnCommit['patch'];
  outbound?: NewOutbound[];
  events?: TurnCommit['events'];
  /** Hand the conversation to the bot: the engine steps a `resume` event in the same commit. */
  resume?: { flowId?: string; nodeId?: string };
  /** Replace what the resumed flow would send with these (a template stands in for a flow's prompt). */
  replaceBotSends?: NewOutbound[];
}

export interface OperatorTurnDeps {
  store: Store;
  bots: BotRegistry;
  actions: ActionRegistry;
  clock: () => number;
  owner: string;
  leaseMs?: number;
  /** How long to wait for the processor to finish a turn on the same conversation. */
  waitMs?: number;
  actionTimeoutMs?: number;
  onCommitted?: (conversation: Conversation, outbound: StoredMessage[]) => void;
  /** Runs after the lease is released (wakes the processor for messages that arrived meanwhile). */
  afterRelease?: (conversationId: string) => void;
}

const busy = (conversationId: string) =>
  new AppError({ code: 'conversation/busy', message: `Conversation ${conversationId} is busy; try again in a moment.`, httpStatus: 503 });

/**
 * Operator-initiated turns: claim, reply, label, transfer, resolve, return to the bot. Each takes the
 * conversation's lease (so it never interleaves with the processor or another process), decides
 * from the state it read, and commits through `commitTurn` like any bot turn, so snapshot, outbound
 * messages and events land atomically. `decide` may throw to refuse (a guard).
 */
export function createOperatorTurns(deps: OperatorTurnDeps) {
  const leaseMs = deps.leaseMs ?? 30_000;
  const waitMs = deps.waitMs ?? 5_000;

  async function lease(conversationId: string, owner: string): Promise<void> {
    const deadline = Date.now() + waitMs;
    while (!(await deps.store.acquireLease(conversationId, owner, deps.clock(), leaseMs))) {
      if (Date.now() > deadline) throw busy(conversationId);
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
  }

  async function build(conversation: Conversation, plan: OperatorPlan, now: number): Promise<TurnCommit> {
    const turn: TurnCommit = {
      conversationId: conversation.id,
      turnKey: `op:${randomUUID()}`,
      expectedVersion: conversation.version,
      snapshot: conversation.snapshot,
      ...(plan.patch ? { patch: plan.patch } : {}),
      outbound: [...(plan.outbound ?? [])],
      events: [...(plan.events ?? [])],
      scheduleTimers: [],
      cancelTimers: [],
      now,
    };
    const bot = deps.bots.current();
    if (!plan.resume || !bot) return turn;
    const result = await runBotTurn({
      bot,
      snapshot: parseSnapshot(conversation.snapshot),
      inbound: { type: 'resume', ...plan.resume },
      now,
      profile: { ...(conversation.profileName ? { name: conversation.profileName } : {}), phone: conversation.customerId },
      actions: deps.actions,
      actionTimeoutMs: deps.actionTimeoutMs ?? 5000,
    });
    const parts = effectsToTurn({ conversation, effects: result.effects, trace: result.trace, now });
    return {
      ...turn,
      snapshot: toSnapshotJson(result.snapshot),
      patch: { ...turn.patch, ...parts.patch },
      outbound: [...turn.outbound, ...(plan.replaceBotSends ?? parts.outbound)],
      events: [...turn.events, ...parts.events],
      scheduleTimers: parts.scheduleTimers,
      cancelTimers: parts.cancelTimers,
    };
  }

  const run = async (conversationId: string, decide: (conversation: Conversation) => OperatorPlan | Promise<OperatorPlan>) => {
    const owner = `${deps.owner}:op:${randomUUID().slice(0, 8)}`;
    await lease(conversationId, owner);
    try {
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const conversation = await deps.store.getConversation(conversationId);
        if (!conversation) throw new Error(`no conversation ${conversationId}`);
        const now = deps.clock();
        const plan = await decide(conversation);
        if (plan.skip) return { conversation, outbound: [] };
        const turn = await build(conversation, plan, now);
        const result = await deps.store.commitTurn(turn);
        if (result.ok) {
          deps.onCommitted?.(result.conversation, result.outbound);
          return { conversation: result.conversation, outbound: result.outbound };
        }
      }
      throw busy(conversationId);
    } finally {
      await deps.store.releaseLease(conversationId, owner);
      deps.afterRelease?.(conversationId);
    }
  };
  return run;
}

export type RunOperatorTurn = ReturnType<typeof createOperatorTurns>;
