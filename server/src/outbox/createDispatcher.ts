import { OutboundMessageSchema } from '@switchboard/engine';
import type { CloudApiClient } from '../channels/whatsapp/index.js';
import { toCloudMessage } from '../channels/whatsapp/index.js';
import type { Logger } from '../logger.js';
import type { ClaimedMessage, StoredMessage, Store } from '../store/types.js';
import { createPacer } from './createPacer.js';

/** WhatsApp's customer-service window: free-form messages only within 24 hours of the customer's last message. */
export const SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * Deliveries the dispatcher keeps in flight by default. Each one waits on two durable writes (its
 * claim and its result) as well as the API, so under load a delivery takes tens of milliseconds and
 * 64 in flight capped replies at about 600/s while the webhook was busy; 256 roughly doubles that
 * (bench/RESULTS.md).
 */
export const DELIVERIES_IN_FLIGHT = 256;

export interface DispatcherDeps {
  store: Store;
  /** Null when the WhatsApp channel is off: WhatsApp messages then fail with `channel-off`. */
  cloudApi: CloudApiClient | null;
  logger: Logger;
  clock: () => number;
  owner: string;
  random?: () => number;
  claimTtlMs?: number;
  pollMs?: number;
  batch?: number;
  maxAttempts?: number;
  /** Called after a message is sent or fails for good (to tell the operators), with the message as stored now. */
  onSettled?: (message: StoredMessage, outcome: 'sent' | 'failed') => void;
  /** Test hook: runs just before the API call (to inject a crash between commit and send). */
  beforeSend?: (message: StoredMessage) => void | Promise<void>;
  /** Test hook: runs after the API accepted a message and before it is recorded (to inject crashes). */
  afterAccepted?: (message: StoredMessage, wamid: string) => void | Promise<void>;
}

export interface Dispatcher {
  kick(): void;
  start(): void;
  stop(): Promise<void>;
  /** Sends until nothing is due (tests). */
  drain(): Promise<void>;
}

/** Exponential backoff with jitter: 0.5 s, 1 s, 2 s … capped at 5 minutes, each between 50 % and 100 %. */
export function backoffMs(attempts: number, random: () => number): number {
  const ceiling = Math.min(300_000, 500 * 2 ** attempts);
  return Math.round(ceiling * (0.5 + random() / 2));
}

/**
 * Sends the outbox through the Cloud API: in order per conversation (the store claims only the
 * oldest unsent message of each), paced per customer, retrying 429/5xx/timeouts with backoff and
 * jitter, marking 4xx failed. A message the API accepted is recorded with its wamid at once and is
 * never sent again.
 */
export function createDispatcher(deps: DispatcherDeps): Dispatcher {
  const random = deps.random ?? Math.random;
  const claimTtlMs = deps.claimTtlMs ?? 60_000;
  const pollMs = deps.pollMs ?? 200;
  const batch = deps.batch ?? DELIVERIES_IN_FLIGHT;
  const maxAttempts = deps.maxAttempts ?? 10;
  const pacer = createPacer();
  let stopped = true;
  let wake: (() => void) | null = null;
  let loop: Promise<void> | null = null;

  async function fail(message: StoredMessage, code: string, text: string): Promise<void> {
    const stored = await deps.store.markFailed(message.id, { code, message: text }, deps.clock());
    deps.logger.warn({ messageId: message.id, conversationId: message.conversationId, code }, `message failed: ${text}`);
    if (stored) deps.onSettled?.(stored, 'failed');
  }

  async function sent(message: StoredMessage, wamid: string): Promise<void> {
    const stored = await deps.store.markSent(message.id, wamid, deps.clock());
    if (stored) deps.onSettled?.(stored, 'sent');
  }

  async function deliver(message: ClaimedMessage): Promise<void> {
    const now = deps.clock();
    // The recipient was read with the claim, so the 24-hour window is as fresh as the claim.
    const recipient = message.recipient;
    if (!recipient) return fail(message, 'no-conversation', 'the conversation no longer exists');
    if (recipient.channel !== 'whatsapp') return sent(message, `local.${message.id}`);
    const content = OutboundMessageSchema.safeParse(message.content);
    if (!content.success) return fail(message, 'bad-content', 'the message content is not a sendable message');
    const windowOpen = recipient.lastInboundAt !== null && now - recipient.lastInboundAt < SERVICE_WINDOW_MS;
    if (content.data.kind !== 'template' && !windowOpen) {
      return fail(message, 'window-closed', 'the 24-hour customer-service window is closed: send an approved template instead');
    }
    if (!deps.cloudApi) return fail(message, 'channel-off', 'the WhatsApp channel is off (set the WHATSAPP_* variables)');
    const notBefore = pacer.reserve(message.conversationId, now);
    if (notBefore > now) {
      await deps.store.scheduleRetry(message.id, notBefore, { code: 'paced', message: 'spread out to stay within per-customer limits' });
      return;
    }
    const body = toCloudMessage({ to: recipient.customerId, message: content.data });
    if (!body.ok) return fail(message, body.code, body.message);
    await deps.beforeSend?.(message);
    const result = await deps.cloudApi.sendMessage(recipient.businessNumberId, body.body);
    if (result.ok) {
      await deps.afterAccepted?.(message, result.wamid);
      return sent(message, result.wamid);
    }
    if (result.retryable && message.attempts + 1 < maxAttempts) {
      if (result.code === '131056') pacer.penalize(message.conversationId, deps.clock(), result.retryAfterMs ?? 6000);
      const delay = Math.max(result.retryAfterMs ?? 0, backoffMs(message.attempts, random));
      await deps.store.scheduleRetry(message.id, deps.clock() + delay, { code: result.code, message: result.message });
      deps.logger.info({ messageId: message.id, code: result.code, delay }, 'send will be retried');
      return;
    }
    return fail(message, result.code, result.message);
  }

  async function runOnce(): Promise<number> {
    const claimed = await deps.store.claimOutbox(deps.owner, deps.clock(), claimTtlMs, batch);
    await Promise.all(claimed.map(deliverLogged));
    return claimed.length;
  }

  function deliverLogged(message: ClaimedMessage): Promise<void> {
    return deliver(message).catch((error: unknown) =>
      deps.logger.error({ err: error, messageId: message.id }, 'delivery crashed; the claim will expire and it will be retried'),
    );
  }

  /** Set by a kick or a settled delivery; a nap that starts after one returns at once. */
  let signalled = false;
  function signal(): void {
    signalled = true;
    wake?.();
  }

  /** Resolves on a kick, when a delivery settles, or after `ms`, whichever is first. */
  function nap(ms: number): Promise<void> {
    if (signalled) {
      signalled = false;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      const t = setTimeout(done, ms);
      function done(): void {
        clearTimeout(t);
        wake = null;
        signalled = false;
        resolve();
      }
      wake = done;
    });
  }

  // A pipeline rather than batch by batch: up to `batch` deliveries are in flight, and a claim for
  // the free slots goes out whenever one settles or a turn adds messages. Waiting for a whole batch
  // would hold every slot until its slowest send and its slowest write came back.
  async function run(): Promise<void> {
    const inFlight = new Set<Promise<void>>();
    while (!stopped) {
      const free = batch - inFlight.size;
      if (free > 0) {
        signalled = false;
        try {
          const messages = await deps.store.claimOutbox(deps.owner, deps.clock(), claimTtlMs, free);
          for (const message of messages) {
            const delivery = deliverLogged(message).finally(() => {
              inFlight.delete(delivery);
              signal();
            });
            inFlight.add(delivery);
          }
        } catch (error) {
          deps.logger.error({ err: error }, 'outbox claim failed');
        }
      }
      if (stopped) break;
      // Until a slot frees or a turn adds messages there is nothing new to claim.
      await nap(pollMs);
    }
    await Promise.allSettled([...inFlight]);
  }

  return {
    kick() {
      signal();
    },
    start() {
      if (!stopped) return;
      stopped = false;
      loop = run();
    },
    async stop() {
      stopped = true;
      wake?.();
      await loop;
    },
    async drain() {
      for (let i = 0; i < 1000; i += 1) if ((await runOnce()) === 0) return;
    },
  };
}
