import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeCloudApi, type FakeCloudApi } from '../../server/src/channels/whatsapp/testing/fakeCloudApi.js';
import type { TurnCommit } from '../../server/src/store/types.js';
import { signIn, type ApiClient } from '../support/apiClient.js';
import { ADMIN, startTestServer, textWebhook, waitFor, type TestServer } from '../support/testServer.js';
import { sentMessages } from './cloudBodies.js';

const MAX_ATTEMPTS = 3;
const EN_APOLOGY = "Sorry, something went wrong on our side. I've passed your message to a colleague, who will reply here shortly.";
const RU_APOLOGY = 'Извините, у нас что-то пошло не так. Я передал ваше сообщение коллеге, он ответит вам здесь в ближайшее время.';

let fake: FakeCloudApi;
let server: TestServer;
let admin: ApiClient;
/** Messages (by WhatsApp id) whose bot turn cannot be committed, and how often it was tried. */
const broken = new Map<string, number>();

beforeAll(async () => {
  fake = await startFakeCloudApi();
  server = await startTestServer({
    cloudApiUrl: fake.url,
    processor: {
      maxAttempts: MAX_ATTEMPTS,
      retryDelayMs: 50,
      // The bot's turn for a broken message fails every time, as a turn the engine or the store
      // cannot get through would; the turn that gives the message up is let through.
      beforeCommit: async (turn: TurnCommit) => {
        if (!turn.processedInboundId || turn.events.some((e) => e.type === 'bot.error')) return;
        const wamid = (await server.store.getMessage(turn.processedInboundId))?.wamid ?? '';
        const tries = broken.get(wamid);
        if (tries === undefined) return;
        broken.set(wamid, tries + 1);
        throw new Error('injected failure of the turn');
      },
    },
  });
  admin = await signIn(server.url, ADMIN);
});
afterAll(async () => {
  await server.close({ cleanup: true });
  await fake.close();
});

let seq = 0;
const say = async (from: string, text: string, options: { breaks?: boolean } = {}) => {
  seq += 1;
  const wamid = `wamid.boterror.${seq}`;
  if (options.breaks) broken.set(wamid, 0);
  const res = await server.postWebhook(textWebhook({ from, wamid, text, timestampSec: 1_750_000_000 + seq }));
  expect(res.status).toBe(200);
  return wamid;
};
const repliesTo = (from: string) => sentMessages(fake.requests).filter((m) => m.to === `+${from}`).map((m) => m.text);
const conversationOf = (from: string) => waitFor(() => server.store.findConversation('whatsapp', '100000000000001', from).then((c) => c ?? undefined), { what: `the conversation with ${from}` });
const settle = (ms = 400) => new Promise((r) => setTimeout(r, ms));

describe('a turn that keeps failing', () => {
  it('is given up after the last attempt: one apology, the conversation queued as a bot error, the next message processed', async () => {
    const from = '15553000001';
    const other = '15553000002';
    await say(from, 'hi');
    await waitFor(() => repliesTo(from).length === 1, { what: 'the greeting' });

    const failing = await say(from, 'track my order', { breaks: true });
    await say(other, 'hello');
    const queued = await waitFor(async () => {
      const c = await conversationOf(from);
      return c.status === 'queued' ? c : undefined;
    }, { what: 'the handoff after the bot error' });
    expect(queued).toMatchObject({ queue: 'support', handoffReason: 'bot-error', assigneeId: null });
    expect(broken.get(failing)).toBe(MAX_ATTEMPTS);
    await waitFor(() => repliesTo(from).length === 2, { what: 'the apology' });
    await settle();
    expect(repliesTo(from)).toEqual(['Hello Customer! How can I help?', EN_APOLOGY]);

    const events = await server.store.listEvents({ conversationId: queued.id });
    expect(events.filter((e) => e.type === 'bot.error').map((e) => e.data)).toEqual([{ work: 'message', attempts: MAX_ATTEMPTS, code: 'Error', message: 'injected failure of the turn' }]);
    expect(events.filter((e) => e.type === 'handoff').map((e) => e.data)).toEqual([{ queue: 'support', reason: 'bot-error' }]);

    // Meanwhile the other customer was answered as usual.
    expect(repliesTo(other)).toEqual(['Hello Customer! How can I help?']);
    expect((await conversationOf(other)).status).toBe('bot');

    // The next message is the operators' to answer, and nothing stands in its way.
    const next = await say(from, 'hello? anyone?');
    const stored = await waitFor(async () => (await server.store.listMessages(queued.id)).find((m) => m.wamid === next && m.state === 'processed'), { what: 'the next message processed' });
    expect(stored.direction).toBe('in');
    await settle();
    expect(repliesTo(from)).toHaveLength(2);
    expect(broken.get(failing)).toBe(MAX_ATTEMPTS);

    const inbox = await admin.get('/api/inbox/conversations?view=queue');
    expect(inbox.body.conversations).toContainEqual(expect.objectContaining({ id: queued.id, status: 'queued', handoffReason: 'bot-error' }));
  });

  it('apologises in Russian to a customer who writes in Russian', async () => {
    const from = '15553000003';
    await say(from, 'привет');
    await waitFor(() => repliesTo(from).length === 1, { what: 'the greeting' });
    await say(from, 'где мой заказ', { breaks: true });
    await waitFor(() => repliesTo(from).length === 2, { what: 'the apology' });
    await settle();
    expect(repliesTo(from)).toEqual(['Здравствуйте, Customer! Чем помочь?', RU_APOLOGY]);
    expect(await conversationOf(from)).toMatchObject({ status: 'queued', handoffReason: 'bot-error' });
  });

  it('is counted in the operator statistics', async () => {
    const stats = await admin.get('/api/stats/operators?from=2025-06-15&to=2025-06-15&tz=UTC');
    expect(stats.status).toBe(200);
    expect(stats.body.totals.botErrors).toBe(2);
    expect(stats.body.handoffReasons).toContainEqual({ reason: 'bot-error', n: 2 });
  });
});
