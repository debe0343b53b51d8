import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeCloudApi, type FakeCloudApi } from '../../server/src/channels/whatsapp/testing/fakeCloudApi.js';
import { clockFrom, FIXTURE_EPOCH_MS, startTestServer, textWebhook, waitFor } from '../support/testServer.js';
import { sentMessages } from './cloudBodies.js';

let fake: FakeCloudApi;
beforeAll(async () => {
  fake = await startFakeCloudApi();
});
afterAll(async () => {
  await fake.close();
});

const repliesTo = (to: string) => sentMessages(fake.requests).filter((m) => m.to === `+${to}`);
const settle = (ms = 400) => new Promise((r) => setTimeout(r, ms));
const ok = (n: number) => ({ status: 200, body: { messaging_product: 'whatsapp', contacts: [], messages: [{ id: `wamid.ok.${n}` }] } });

describe('crash recovery', () => {
  it('processes a message stored before a crash exactly once after the restart', async () => {
    const from = '15552000001';
    const first = await startTestServer({
      cloudApiUrl: fake.url,
      processor: {
        beforeCommit: () => {
          throw new Error('injected crash between store and step');
        },
      },
    });
    expect((await first.postWebhook(textWebhook({ from, wamid: 'wamid.crash.1', text: 'hello', timestampSec: 1_750_000_001 }))).status).toBe(200);
    await settle();
    await first.close();
    expect(repliesTo(from)).toHaveLength(0);

    const second = await startTestServer({ cloudApiUrl: fake.url, dataDir: first.dataDir });
    await waitFor(() => repliesTo(from)[0], { what: 'the reply after restart' });
    await settle();
    expect(repliesTo(from)).toHaveLength(1);
    await second.close({ cleanup: true });
  });

  it('sends a reply committed before a crash exactly once after the restart', async () => {
    const from = '15552000002';
    const first = await startTestServer({
      cloudApiUrl: fake.url,
      dispatcher: {
        claimTtlMs: 300,
        beforeSend: () => {
          throw new Error('injected crash between step and send');
        },
      },
    });
    await first.postWebhook(textWebhook({ from, wamid: 'wamid.crash.2', text: 'hello', timestampSec: 1_750_000_002 }));
    const conversation = await waitFor(() => first.store.findConversation('whatsapp', '100000000000001', from).then((c) => c ?? undefined));
    await waitFor(async () => (await first.store.listMessages(conversation.id)).some((m) => m.direction === 'out'), { what: 'the committed reply' });
    await first.close();
    expect(repliesTo(from)).toHaveLength(0);

    const second = await startTestServer({ cloudApiUrl: fake.url, dataDir: first.dataDir, dispatcher: { claimTtlMs: 300 } });
    await waitFor(() => repliesTo(from)[0], { what: 'the reply after restart' });
    await settle(700);
    expect(repliesTo(from)).toHaveLength(1);
    await second.close({ cleanup: true });
  });
});

describe('outbox', () => {
  it('retries 429 and 500 and sends once', async () => {
    const from = '15552000003';
    let calls = 0;
    fake.setResponder((req) => {
      const body = req.body as { to?: string };
      if (body.to !== `+${from}`) return ok(0);
      calls += 1;
      if (calls === 1) return { status: 429, body: { error: { code: 130429, message: 'Rate limit hit' } }, headers: { 'retry-after': '0' } };
      if (calls === 2) return { status: 500, body: { error: { code: 1, message: 'Unknown error' } } };
      return ok(calls);
    });
    const server = await startTestServer({ cloudApiUrl: fake.url });
    await server.postWebhook(textWebhook({ from, wamid: 'wamid.retry.1', text: 'hello', timestampSec: 1_750_000_003 }));
    const conversation = await waitFor(() => server.store.findConversation('whatsapp', '100000000000001', from).then((c) => c ?? undefined));
    const sent = await waitFor(async () => (await server.store.listMessages(conversation.id)).find((m) => m.direction === 'out' && m.state === 'sent'), { what: 'sent after retries', timeoutMs: 15_000 });
    expect(calls).toBe(3);
    expect(sent.wamid).toBe('wamid.ok.3');
    expect(sent.attempts).toBe(2);
    await server.close({ cleanup: true });
    fake.setResponder(() => ok(0));
  });

  it('marks a message failed on a permanent 400 and does not retry', async () => {
    const from = '15552000004';
    let calls = 0;
    fake.setResponder((req) => {
      if ((req.body as { to?: string }).to !== `+${from}`) return ok(0);
      calls += 1;
      return { status: 400, body: { error: { code: 131026, message: 'Message undeliverable' } } };
    });
    const server = await startTestServer({ cloudApiUrl: fake.url });
    await server.postWebhook(textWebhook({ from, wamid: 'wamid.perm.1', text: 'hello', timestampSec: 1_750_000_004 }));
    const conversation = await waitFor(() => server.store.findConversation('whatsapp', '100000000000001', from).then((c) => c ?? undefined));
    const failed = await waitFor(async () => (await server.store.listMessages(conversation.id)).find((m) => m.direction === 'out' && m.state === 'failed'), { what: 'failed' });
    await settle();
    expect(calls).toBe(1);
    expect(failed.error?.code).toBe('131026');
    await server.close({ cleanup: true });
    fake.setResponder(() => ok(0));
  });

  it('refuses a free-form reply outside the 24-hour window before it reaches the API', async () => {
    const from = '15552000005';
    // The customer wrote 25 hours before the server's clock.
    const server = await startTestServer({ cloudApiUrl: fake.url, clock: clockFrom(FIXTURE_EPOCH_MS + 25 * 3600_000) });
    await server.postWebhook(textWebhook({ from, wamid: 'wamid.window.1', text: 'hello', timestampSec: 1_750_000_000 }));
    const conversation = await waitFor(() => server.store.findConversation('whatsapp', '100000000000001', from).then((c) => c ?? undefined));
    const failed = await waitFor(async () => (await server.store.listMessages(conversation.id)).find((m) => m.direction === 'out' && m.state === 'failed'), { what: 'refused' });
    expect(failed.error?.code).toBe('window-closed');
    expect(repliesTo(from)).toHaveLength(0);
    await server.close({ cleanup: true });
  });
});
