import { InboundContentSchema, parseSnapshot, toSnapshotJson, type Bot, type Inbound } from '@switchboard/engine';
import type { ActionRegistry } from '../actions/types.js';
import type { BotRegistry } from '../bot/createBotRegistry.js';
import type { Logger } from '../logger.js';
import type { Conversation, StoredMessage, Store, TimerRecord, TurnCommit, WorkItem } from '../store/types.js';
import { consentKeywordOf } from './consentKeyword.js';
import { effectsToTurn } from './effectsToTurn.js';
import { runBotTurn } from './runBotTurn.js';

export interface ProcessorDeps {
  store: Store;
  bots: BotRegistry;
  actions: ActionRegistry;
  logger: Logger;
  clock: () => number;
  /** This process's name on leases; unique per process. */
  owner: string;
  leaseMs?: number;
  pollMs?: number;
  concurrency?: number;
  actionTimeoutMs?: number;
  /** Called after a turn is committed (wakes the outbox, pushes to operators). */
  onCommitted?: (conversation: Conversation, outbound: StoredMessage[]) => void;
  /**
   * Called at the end of each run of a conversation with the last customer message the bot handled
   * in it (e.g. to mark it read on WhatsApp, which marks every earlier message of the chat read too).
   */
  onBotHandled?: (conversation: Conversation, message: StoredMessage) => void;
  /** Test hook: runs between reading a message and committing its turn (to inject crashes). */
  beforeCommit?: (turn: TurnCommit) => void | Promise<void>;
}

export interface Processor {
  /** Processes a conversation soon (after its messages were stored). */
  kick(conversationId: string): void;
  start(): void;
  /** Stops taking work and waits for the turns in flight. */
  stop(): Promise<void>;
  /** Processes until no work is left (tests, start-up). */
  drain(): Promise<void>;
}

/**
 * Processes stored inbound messages and due timers: one conversation at a time under a lease in
 * the store (so several processes can share one store), in WhatsApp timestamp order, each turn
 * committed atomically with its outbound messages and events. A crash anywhere either redoes the
 * turn or finds it done.
 */
export function createProcessor(deps: ProcessorDeps): Processor {
  const leaseMs = deps.leaseMs ?? 30_000;
  const pollMs = deps.pollMs ?? 250;
  const concurrency = deps.concurrency ?? 64;
  const queued = new Set<string>();
  const running = new Map<string, Promise<void>>();
  let stopped = true;
  let timer: NodeJS.Timeout | null = null;
  let polling: Promise<void> | null = null;

  function pump(): void {
    for (const id of queued) {
      if (running.size >= concurrency) return;
      if (running.has(id)) continue;
      queued.delete(id);
      const run = processConversation(id)
        .catch((error: unknown) => deps.logger.error({ err: error, conversationId: id }, 'processing failed; will retry'))
        .finally(() => {
          running.delete(id);
          pump();
        });
      running.set(id, run);
    }
  }

  async function processConversation(id: string): Promise<void> {
    // Each call to the store both takes (or renews) the lease and reads the next work, and each
    // commit asks for the work after it: a turn costs one round trip to the store, and the lease is
    // given back by the store itself when the conversation has nothing left to do.
    let work = await deps.store.nextWork(id, deps.owner, deps.clock(), leaseMs);
    let again = false;
    let handled: { conversation: Conversation; message: StoredMessage } | null = null;
    try {
      for (let turns = 0; work && turns < 200; turns += 1) {
        if (stopped && turns > 0) break;
        const now = deps.clock();
        if (work.kind === 'timer') {
          work = await runTimer(work.conversation, work.timer, now);
        } else {
          const { conversation, message } = work;
          const result = await runMessage(conversation, message, now);
          if (result.botHandled) handled = { conversation, message };
          work = result.next;
        }
      }
      again = work !== null && !stopped;
    } finally {
      if (handled) deps.onBotHandled?.(handled.conversation, handled.message);
      // Still holding the lease (stopped, the turn cap, or a failed turn): give it back.
      if (work) await deps.store.releaseLease(id, deps.owner);
      if (again) queued.add(id);
    }
  }

  /** Commits a turn and answers the conversation's next work, taken under the lease. */
  async function commit(turn: TurnCommit): Promise<WorkItem | null> {
    await deps.beforeCommit?.(turn);
    const result = await deps.store.commitTurn({ ...turn, next: { owner: deps.owner, now: deps.clock(), ttlMs: leaseMs } });
    if (result.ok) deps.onCommitted?.(result.conversation, result.outbound);
    else if (result.reason === 'conflict') throw new Error(`conversation ${turn.conversationId} changed during its turn`);
    return result.next ?? null;
  }

  const base = (conversation: Conversation, turnKey: string, now: number): TurnCommit => ({
    conversationId: conversation.id,
    turnKey,
    expectedVersion: conversation.version,
    snapshot: conversation.snapshot,
    outbound: [],
    events: [],
    scheduleTimers: [],
    cancelTimers: [],
    now,
  });

  /** Runs one customer message; `botHandled` when the bot answered it (rather than storing it for a person). */
  async function runMessage(conversation: Conversation, message: StoredMessage, now: number): Promise<{ botHandled: boolean; next: WorkItem | null }> {
    const turn: TurnCommit = { ...base(conversation, `in:${message.id}`, now), processedInboundId: message.id };
    const content = InboundContentSchema.safeParse(message.content);
    turn.events.push({ type: 'message.in', at: message.at, flowId: null, nodeId: null, data: { kind: content.success ? content.data.kind : 'unknown', status: conversation.status } });
    const reopening = conversation.status === 'closed';
    const consent = content.success ? consentKeywordOf(content.data) : null;
    if (consent) {
      // Opt-out (or back in) is recorded before the engine sees the message, whoever holds the chat.
      const { channel, businessNumberId, customerId } = conversation;
      await deps.store.setConsent({ channel, businessNumberId, customerId, state: consent.state, source: 'customer', at: message.at });
      turn.events.push({ type: consent.state === 'out' ? 'consent.optOut' : 'consent.optIn', at: message.at, flowId: null, nodeId: null, data: {} });
      turn.outbound.push({ sender: 'system', content: { kind: 'text', text: consent.reply } });
      if (reopening) turn.patch = { status: 'bot' };
      return { botHandled: false, next: await commit(turn) };
    }
    const bot = deps.bots.current();
    if (!content.success || !bot || conversation.status === 'queued' || conversation.status === 'assigned') {
      // A person owns the conversation (or nothing is published): store it for them, the bot stays quiet.
      if (reopening) turn.patch = { status: 'bot' };
      return { botHandled: false, next: await commit(turn) };
    }
    const inbound: Inbound = { type: 'message', id: message.wamid ?? message.id, content: content.data, ...(conversation.profileName ? { profileName: conversation.profileName } : {}) };
    return { botHandled: true, next: await runStep(bot, conversation, turn, inbound, now, reopening) };
  }

  async function runTimer(conversation: Conversation, timer: TimerRecord, now: number): Promise<WorkItem | null> {
    // Timer ids are the flow's (`<flow>/<node>/<seq>`), alike in every conversation at that node; turn keys are store-wide.
    const turn: TurnCommit = { ...base(conversation, `timer:${conversation.id}/${timer.timerId}`, now), firedTimerId: timer.timerId };
    const bot = deps.bots.current();
    if (!bot || conversation.status !== 'bot') return commit(turn);
    return runStep(bot, conversation, turn, { type: 'timer', timerId: timer.timerId }, now, false);
  }

  async function runStep(bot: Bot, conversation: Conversation, turn: TurnCommit, inbound: Inbound, now: number, reopening: boolean): Promise<WorkItem | null> {
    const result = await runBotTurn({
      bot,
      snapshot: parseSnapshot(conversation.snapshot),
      inbound,
      now,
      profile: { ...(conversation.profileName ? { name: conversation.profileName } : {}), phone: conversation.customerId },
      actions: deps.actions,
      actionTimeoutMs: deps.actionTimeoutMs ?? 5000,
    });
    const parts = effectsToTurn({ conversation, effects: result.effects, trace: result.trace, now });
    return commit({
      ...turn,
      snapshot: toSnapshotJson(result.snapshot),
      patch: { ...(reopening ? { status: 'bot' as const } : {}), ...parts.patch },
      outbound: parts.outbound,
      events: [...turn.events, ...parts.events],
      scheduleTimers: parts.scheduleTimers,
      cancelTimers: parts.cancelTimers,
    });
  }

  async function poll(): Promise<void> {
    try {
      const ids = await deps.store.findWork(deps.clock(), 200);
      for (const id of ids) queued.add(id);
      pump();
    } catch (error) {
      deps.logger.error({ err: error }, 'polling for work failed');
    }
  }

  return {
    kick(id) {
      if (stopped) return;
      queued.add(id);
      pump();
    },
    start() {
      if (!stopped) return;
      stopped = false;
      const tick = () => {
        polling = poll().finally(() => {
          polling = null;
          if (!stopped) timer = setTimeout(tick, pollMs);
        });
      };
      tick();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      queued.clear();
      await polling;
      await Promise.allSettled([...running.values()]);
    },
    async drain() {
      const wasStopped = stopped;
      stopped = false;
      for (let i = 0; i < 1000; i += 1) {
        await poll();
        if (running.size === 0 && queued.size === 0) break;
        await Promise.allSettled([...running.values()]);
      }
      stopped = wasStopped;
    },
  };
}
