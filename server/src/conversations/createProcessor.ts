import { InboundContentSchema, parseSnapshot, toSnapshotJson, type Bot, type Inbound } from '@switchboard/engine';
import type { ActionRegistry } from '../actions/types.js';
import type { BotRegistry } from '../bot/createBotRegistry.js';
import type { Logger } from '../logger.js';
import type { Conversation, StoredMessage, Store, TimerRecord, TurnCommit, WorkItem } from '../store/types.js';
import { botErrorTurn } from './botErrorTurn.js';
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
  /**
   * How many times one piece of work (a customer message, a fired timer) is tried before the bot
   * gives it up: the customer is told and the conversation goes to people (see botErrorTurn).
   */
  maxAttempts?: number;
  /** The wait before retrying a failed turn; it doubles with each failure, up to `maxRetryDelayMs`. */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
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

/** Another writer moved the conversation during the turn: a race to run again, not a failure of the work. */
class TurnConflict extends Error {}

/** A conversation stuck on one piece of work (`key`, its turn key) whose turns failed. */
interface Failure {
  key: string;
  attempts: number;
  retryAt: number;
  error: unknown;
}

const workKey = (work: WorkItem): string => (work.kind === 'timer' ? `timer:${work.timer.timerId}` : `in:${work.message.id}`);

/**
 * Processes stored inbound messages and due timers: one conversation at a time under a lease in
 * the store (so several processes can share one store), in WhatsApp timestamp order, each turn
 * committed atomically with its outbound messages and events. A crash anywhere either redoes the
 * turn or finds it done.
 *
 * A turn that throws (the engine, a snapshot it cannot step, a write the store keeps refusing) is
 * retried after a wait that doubles each time; after `maxAttempts` the work is given up with a
 * committed turn that apologises to the customer and queues the conversation for people, so one
 * broken message never blocks the ones after it. Attempts are counted in this process's memory: a
 * restart (or another process taking the conversation over) starts the count again, which only
 * grants a few more tries — the bound is there to end endless retries, not to be exact, and the
 * give-up turn itself is idempotent (keyed like the turn it replaces).
 */
export function createProcessor(deps: ProcessorDeps): Processor {
  const leaseMs = deps.leaseMs ?? 30_000;
  const pollMs = deps.pollMs ?? 250;
  const concurrency = deps.concurrency ?? 64;
  const maxAttempts = deps.maxAttempts ?? 5;
  const retryDelayMs = deps.retryDelayMs ?? 250;
  const maxRetryDelayMs = deps.maxRetryDelayMs ?? 10_000;
  const failures = new Map<string, Failure>();
  const queued = new Set<string>();
  const running = new Map<string, Promise<void>>();
  let stopped = true;
  let timer: NodeJS.Timeout | null = null;
  let polling: Promise<void> | null = null;

  /** Whether a conversation waits out the delay after a failed turn. */
  const isWaiting = (id: string): boolean => (failures.get(id)?.retryAt ?? 0) > deps.clock();

  function pump(): void {
    for (const id of queued) {
      if (running.size >= concurrency) return;
      if (running.has(id) || isWaiting(id)) continue;
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
        const key = workKey(work);
        const failure = failures.get(id);
        if (failure?.key === key && failure.attempts >= maxAttempts) {
          work = await giveUp(work, failure, now);
        } else if (work.kind === 'timer') {
          work = await runTimer(work.conversation, work.timer, now);
        } else {
          const { conversation, message } = work;
          const result = await runMessage(conversation, message, now);
          if (result.botHandled) handled = { conversation, message };
          work = result.next;
        }
        if (failures.get(id)?.key === key) failures.delete(id);
      }
      if (!work) failures.delete(id);
      again = work !== null && !stopped;
    } catch (error) {
      // `work` is still the item whose turn threw. Retried once its wait is over (the poll finds
      // the conversation again, and pump skips it until then).
      if (error instanceof TurnConflict) deps.logger.warn({ err: error, conversationId: id }, 'turn raced another writer; will retry');
      else if (work) noteFailure(id, work, error);
      else throw error;
      again = !stopped;
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
    else if (result.reason === 'conflict') throw new TurnConflict(`conversation ${turn.conversationId} changed during its turn`);
    return result.next ?? null;
  }

  function noteFailure(id: string, work: WorkItem, error: unknown): void {
    const key = workKey(work);
    const previous = failures.get(id);
    const attempts = previous?.key === key ? previous.attempts + 1 : 1;
    // The last allowed attempt is followed by the give-up turn at once; after that (the give-up
    // failing too) the waits go on doubling, capped.
    const delay = attempts === maxAttempts ? 0 : Math.min(retryDelayMs * 2 ** (attempts - 1), maxRetryDelayMs);
    failures.set(id, { key, attempts, retryAt: deps.clock() + delay, error });
    const givenUp = attempts > maxAttempts;
    deps.logger.error(
      { err: error, conversationId: id, work: key, attempts },
      givenUp ? 'giving up the turn failed; will retry' : attempts === maxAttempts ? 'processing failed; giving the turn up' : 'processing failed; will retry',
    );
  }

  /** Ends a piece of work that kept failing (see botErrorTurn). */
  async function giveUp(work: WorkItem, failure: Failure, now: number): Promise<WorkItem | null> {
    const next = await commit(botErrorTurn({ work, bot: deps.bots.current(), attempts: failure.attempts, error: failure.error, now }));
    deps.logger.warn({ conversationId: work.conversation.id, work: failure.key, attempts: failure.attempts }, 'turn given up after repeated failures; the conversation is queued for people');
    return next;
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
        // Conversations waiting to retry a failed turn are left for a later drain (tests move the clock).
        if (running.size === 0 && [...queued].every(isWaiting)) break;
        await Promise.allSettled([...running.values()]);
      }
      stopped = wasStopped;
    },
  };
}
