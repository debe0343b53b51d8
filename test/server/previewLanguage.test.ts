import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_FLOWS_DIR } from '../../server/src/createSwitchboard.js';
import { startFakeCloudApi, type FakeCloudApi } from '../../server/src/channels/whatsapp/testing/fakeCloudApi.js';
import { ADMIN, clockFrom, startTestServer, type TestServer } from '../support/testServer.js';
import { signIn, type ApiClient, type Loose } from '../support/apiClient.js';

// The designer's preview runs the same engine as WhatsApp: the conversation keeps the customer's
// language there too, and an explicit request switches it.

/** Tuesday 24 November 2026, 11:00 in Moscow: inside opening hours. */
const START_MS = Date.parse('2026-11-24T11:00:00+03:00');

let fake: FakeCloudApi;
let server: TestServer;
let analyst: ApiClient;

beforeAll(async () => {
  fake = await startFakeCloudApi();
  server = await startTestServer({ cloudApiUrl: fake.url, clock: clockFrom(START_MS), flowsDir: REPO_FLOWS_DIR });
  analyst = await signIn(server.url, ADMIN);
});
afterAll(async () => {
  await server.close({ cleanup: true });
  await fake.close();
});

const texts = (body: Loose): string[] => (body.replies as { text?: string }[]).map((r) => r.text ?? '');

async function say(sessionId: string, text: string): Promise<{ texts: string[]; body: Loose }> {
  const res = await analyst.post(`/api/preview/sessions/${sessionId}/messages`, { text });
  expect(res.status).toBe(200);
  return { texts: texts(res.body), body: res.body };
}

describe('the preview chat', () => {
  it('keeps Russian when the analyst, as a Russian customer, sends only an order number, "ok" or a Latin name', async () => {
    const started = await analyst.post('/api/preview/sessions', { flowId: 'order-tracking', locale: 'ru' });
    expect(started.status).toBe(201);
    expect(texts(started.body)).toEqual([expect.stringMatching(/^Пришлите, пожалуйста, номер заказа/)]);
    const id = started.body.sessionId as string;
    expect((await say(id, 'Ivan Petrov')).texts).toEqual([expect.stringMatching(/не похоже на номер заказа/)]);
    expect((await say(id, 'ORD-5521')).texts).toEqual([expect.stringMatching(/^🚚 Заказ ORD-5521 уже у курьера/), 'Чем ещё могу помочь?']);
    expect((await say(id, 'ok')).texts).toEqual([expect.stringMatching(/^Пожалуйста!/)]);
  });

  it('switches to English on a clear English message or an explicit request, and back', async () => {
    const started = await analyst.post('/api/preview/sessions', { flowId: 'order-tracking', locale: 'ru' });
    const id = started.body.sessionId as string;
    expect((await say(id, 'in English please')).texts).toEqual(["Sure, let's continue in English.", expect.stringMatching(/^Please send your order number/)]);
    expect((await say(id, 'по-русски, пожалуйста')).texts).toEqual(['Хорошо, продолжим по-русски.', expect.stringMatching(/^Пришлите, пожалуйста, номер заказа/)]);
    expect((await say(id, 'sorry, where is my order? the number is 7310')).texts).toEqual([expect.stringMatching(/^💳 ORD-7310 is waiting for payment/), 'Anything else I can help with?']);
  });
});
