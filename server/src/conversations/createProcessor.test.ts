import { OutboundMessageSchema, type Bot, type NluModel } from '@switchboard/engine';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../logger.js';
import { createEmbeddedStore } from '../store/embedded/createEmbeddedStore.js';
import type { Store, TurnCommit } from '../store/types.js';
import { createProcessor, type Processor, type ProcessorDeps } from './createProcessor.js';
import { compileTestBot } from './testing/compileTestBot.js';

const T0 = 1_750_000_000_000;
const APOLOGY = /^Sorry, something went wrong on our side/;

/** The test bot, except that its NLU throws on any message containing "crash" (an engine failure). */
function crashingBot(): { bot: Bot; crashes: () => number } {
  const base = compileTestBot();
  let crashes = 0;
  const nlu: NluModel = {
    analyze(text, options) {
      if (text.includes('crash')) {
        crashes += 1;
        throw new Error('the classifier fell over');
      }
      return base.nlu.analyze(text, options);
    },
    compileKeywords: (keywords) => base.nlu.compileKeywords(keywords),
    toJSON: () => base.nlu.toJSON(),
  };
  return { bot: { ...base, nlu }, crashes: () => crashes };
}

describe('createProcessor', () => {
  let store: Store;
  let now: number;
  let seq = 0;
  beforeEach(async () => {
    store = await createEmbeddedStore({ file: ':memory:' });
    now = T0;
  });
  afterEach(() => store.close());

  const processorWith = (bot: Bot, options: Partial<ProcessorDeps> = {}): Processor =>
    createProcessor({
      store,
      bots: { current: () => bot, reload: () => Promise.resolve({ ok: true, issues: [] }), actionNames: () => [] },
      actions: new Map(),
      logger: createLogger('silent'),
      clock: () => now,
      owner: 'test',
      ...options,
    });
  const receive = async (customerId: string, text: string) => {
    seq += 1;
    const { inserted } = await store.insertInbound([{ channel: 'whatsapp', businessNumberId: '100', customerId, profileName: null, wamid: `wamid.p${seq}`, content: { kind: 'text', text }, at: now }], now);
    const [message] = inserted;
    if (!message) throw new Error('not stored');
    return message;
  };
  const conversationOf = async (customerId: string) => {
    const conversation = await store.findConversation('whatsapp', '100', customerId);
    if (!conversation) throw new Error(`no conversation for ${customerId}`);
    return conversation;
  };
  const messagesOf = async (customerId: string) => store.listMessages((await conversationOf(customerId)).id);
  const botTexts = async (customerId: string) =>
    (await messagesOf(customerId))
      .filter((m) => m.direction === 'out')
      .map((m) => {
        const sent = OutboundMessageSchema.parse(m.content);
        return sent.kind === 'template' || sent.kind === 'media' ? sent.kind : sent.text;
      });
  const after = async (ms: number, processor: Processor) => {
    now += ms;
    await processor.drain();
  };

  it('retries a failing turn with doubling waits, then apologises and queues the conversation for people', async () => {
    const { bot, crashes } = crashingBot();
    const processor = processorWith(bot, { maxAttempts: 4, retryDelayMs: 100 });
    await receive('111', 'hi');
    await processor.drain();
    const failing = await receive('111', 'crash, please');
    await processor.drain();
    expect(crashes()).toBe(1);

    await after(99, processor);
    expect(crashes()).toBe(1);
    await after(1, processor);
    expect(crashes()).toBe(2);
    await after(199, processor);
    expect(crashes()).toBe(2);
    await after(1, processor);
    expect(crashes()).toBe(3);
    expect((await store.getMessage(failing.id))?.state).toBe('pending');
    // The last attempt is given up at once.
    await after(400, processor);
    expect(crashes()).toBe(4);

    expect(await botTexts('111')).toEqual(['Hello! Your name?', expect.stringMatching(APOLOGY)]);
    expect(await conversationOf('111')).toMatchObject({ status: 'queued', queue: 'support', handoffReason: 'bot-error', handoffAt: now });
    expect((await store.getMessage(failing.id))?.state).toBe('processed');
    const events = await store.listEvents({ conversationId: (await conversationOf('111')).id });
    expect(events.filter((e) => e.type === 'bot.error').map((e) => e.data)).toEqual([{ work: 'message', attempts: 4, code: 'Error', message: 'the classifier fell over' }]);
    expect(events.filter((e) => e.type === 'handoff').map((e) => e.data)).toEqual([{ queue: 'support', reason: 'bot-error' }]);

    // The customer's next message goes through (to the operators now) and nothing is retried again.
    const next = await receive('111', 'hello?');
    await after(60_000, processor);
    expect((await store.getMessage(next.id))?.state).toBe('processed');
    expect(crashes()).toBe(4);
    expect(await botTexts('111')).toHaveLength(2);
  });

  it('keeps other conversations going while one waits to retry', async () => {
    const { bot } = crashingBot();
    const processor = processorWith(bot, { maxAttempts: 3, retryDelayMs: 1000 });
    await receive('222', 'crash');
    await processor.drain();
    await receive('333', 'hi');
    await processor.drain();
    expect(await botTexts('333')).toEqual(['Hello! Your name?']);
    expect(await botTexts('222')).toEqual([]);
    expect((await conversationOf('333')).status).toBe('bot');
  });

  it('retries the give-up turn itself when it cannot be written, with waits capped', async () => {
    const { bot, crashes } = crashingBot();
    let refused = 0;
    const processor = processorWith(bot, {
      maxAttempts: 2,
      retryDelayMs: 100,
      maxRetryDelayMs: 300,
      beforeCommit: (turn: TurnCommit) => {
        if (turn.events.some((e) => e.type === 'bot.error') && refused < 3) {
          refused += 1;
          throw new Error('disk full');
        }
      },
    });
    await receive('444', 'crash');
    await processor.drain();
    await after(100, processor);
    expect([crashes(), refused]).toEqual([2, 1]);
    // Waits after the failed give-ups: 100·2² = 400 → capped at 300, then 300 again.
    await after(299, processor);
    expect(refused).toBe(1);
    await after(1, processor);
    expect(refused).toBe(2);
    await after(300, processor);
    expect(refused).toBe(3);
    await after(300, processor);
    expect(crashes()).toBe(2);
    expect(await botTexts('444')).toEqual([expect.stringMatching(APOLOGY)]);
    expect((await conversationOf('444')).handoffReason).toBe('bot-error');
  });
});
