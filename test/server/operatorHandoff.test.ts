import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeCloudApi, type FakeCloudApi } from '../../server/src/channels/whatsapp/testing/fakeCloudApi.js';
import { ADMIN, clockFrom, FIXTURE_EPOCH_MS, startTestServer, textWebhook, waitFor, type TestServer } from '../support/testServer.js';
import { createUserAndSignIn, signIn, type ApiClient } from '../support/apiClient.js';
import { openEventStream } from '../support/sseClient.js';
import { sentMessages } from './cloudBodies.js';

let fake: FakeCloudApi;
let server: TestServer;
let admin: ApiClient;
let operator: ApiClient;
const clock = clockFrom(FIXTURE_EPOCH_MS + 5_000);
const CUSTOMER = '15552220001';
const repliesTo = (to: string) => sentMessages(fake.requests).filter((m) => m.to === `+${to}` || m.to === to);
let wamid = 0;
const customerSays = (text: string) => {
  wamid += 1;
  return server.postWebhook(textWebhook({ from: CUSTOMER, wamid: `wamid.e2e.${wamid}`, text, timestampSec: Math.floor(clock() / 1000), name: 'Dana' }));
};

beforeAll(async () => {
  fake = await startFakeCloudApi();
  server = await startTestServer({ cloudApiUrl: fake.url, clock });
  admin = await signIn(server.url, ADMIN);
  operator = (await createUserAndSignIn(admin, server.url, { email: 'olga@example.com', name: 'Olga', role: 'operator' })).client;
});
afterAll(async () => {
  await server.close({ cleanup: true });
  await fake.close();
});

describe('a customer asks for a person, an operator helps, the bot takes over again (webhook to fake Cloud API)', () => {
  it('queues, streams, claims, answers with a quick reply, returns to the bot, and the bot answers', async () => {
    expect((await operator.post('/api/quick-replies', { shortcut: 'thanks', text: 'Thanks {{name}}, your order {{orderId}} is on its way.' })).status).toBe(201);
    const stream = await openEventStream(`${server.url}/api/events/stream`, operator.cookie);
    expect(stream.status).toBe(200);
    try {
      // The bot collects an order number first, so the operator sees what the bot learnt.
      await customerSays('hello');
      await waitFor(() => repliesTo(CUSTOMER)[0], { what: 'the greeting' });
      await customerSays('track my order');
      await waitFor(() => repliesTo(CUSTOMER).find((m) => m.text === 'Your order number?'), { what: 'the order question' });
      await customerSays('1234');
      await waitFor(() => repliesTo(CUSTOMER).length >= 3, { what: 'the order answer' });

      await customerSays('I want a human');
      await waitFor(() => repliesTo(CUSTOMER).find((m) => m.text.startsWith('Connecting you with a person')), { what: 'the handoff message' });
      const queuedEvent = await waitFor(
        () => stream.events.find((e) => e.event === 'conversation' && (e.data as { conversation: { status: string } }).conversation.status === 'queued'),
        { what: 'the queued conversation pushed over SSE' },
      );
      const id = (queuedEvent.data as { conversationId: string }).conversationId;
      const queue = await operator.get('/api/inbox/conversations?view=queue');
      expect(queue.body.conversations[0]).toMatchObject({ id, status: 'queued', handoffReason: 'requested', name: 'Dana' });

      expect((await operator.post(`/api/inbox/conversations/${id}/claim`)).body.conversation.status).toBe('assigned');
      const view = await operator.get(`/api/inbox/conversations/${id}`);
      expect(view.body.contact.collected).toMatchObject({ orderId: 'ORD-1234' });
      expect(view.body.history.filter((h: { direction?: string }) => h.direction === 'in').map((h: { text: string }) => h.text)).toEqual(['hello', 'track my order', '1234', 'I want a human']);

      const quiet = repliesTo(CUSTOMER).length;
      await customerSays('are you there?');
      expect((await operator.post(`/api/inbox/conversations/${id}/reply`, { quickReply: 'thanks' })).status).toBe(202);
      const answer = await waitFor(() => repliesTo(CUSTOMER).slice(quiet)[0], { what: 'the operator answer at the Cloud API' });
      expect(answer.text).toBe('Thanks Dana, your order ORD-1234 is on its way.');
      await waitFor(() => stream.events.find((e) => e.event === 'status' && (e.data as { state: string }).state === 'sent'), { what: 'the sent status pushed' });
      await new Promise((r) => setTimeout(r, 150));
      expect(repliesTo(CUSTOMER).slice(quiet)).toHaveLength(1);

      expect((await operator.post(`/api/inbox/conversations/${id}/return`, {})).body.conversation.status).toBe('bot');
      const before = repliesTo(CUSTOMER).length;
      await customerSays('hello');
      const botAgain = await waitFor(() => repliesTo(CUSTOMER)[before], { what: 'the bot answering again' });
      expect(botAgain.text).toBe('Hello Dana! How can I help?');
    } finally {
      stream.close();
    }
  });

  it('shows a customer message with markup as plain data (the inbox renders it as text)', async () => {
    await customerSays('<img src=x onerror=alert(1)>');
    const conversation = await waitFor(async () => (await server.store.findConversation('whatsapp', '100000000000001', CUSTOMER)) ?? undefined);
    const view = await waitFor(async () => {
      const v = await operator.get(`/api/inbox/conversations/${conversation.id}`);
      return v.body.history.some((h: { text: string }) => h.text === '<img src=x onerror=alert(1)>') ? v : undefined;
    }, { what: 'the message in the history' });
    expect(view.body.history.at(-1)?.text ?? '').not.toContain('&lt;');
  });
});
