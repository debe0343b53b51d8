import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeCloudApi, type FakeCloudApi } from '../../server/src/channels/whatsapp/testing/fakeCloudApi.js';
import { signBody } from '../../server/src/channels/whatsapp/verifySignature.js';
import { startServerProcess } from '../support/serverProcess.js';
import { APP_SECRET, textWebhook, waitFor } from '../support/testServer.js';
import { sentMessages } from './cloudBodies.js';

let fake: FakeCloudApi;
let dataDir: string;
beforeAll(async () => {
  fake = await startFakeCloudApi();
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'sb-stop-'));
});
afterAll(async () => {
  await fake.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('SIGTERM', () => {
  it('stops cleanly with messages in flight and loses none of them', async () => {
    const first = await startServerProcess({ dataDir, cloudApiUrl: fake.url });
    const now = Math.floor(Date.now() / 1000);
    const customers = Array.from({ length: 20 }, (_, i) => `1555400${String(i).padStart(4, '0')}`);
    await Promise.all(
      customers.map(async (from, i) => {
        const raw = Buffer.from(JSON.stringify(textWebhook({ from, wamid: `wamid.stop.${i}`, text: 'hello', timestampSec: now })));
        const res = await fetch(`${first.url}/webhook/whatsapp`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signBody(raw, APP_SECRET) }, body: raw });
        expect(res.status).toBe(200);
      }),
    );
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const second = await startServerProcess({ dataDir, cloudApiUrl: fake.url });
    const replies = (from: string) => sentMessages(fake.requests).filter((m) => m.to === `+${from}`);
    await waitFor(() => customers.every((c) => replies(c).length >= 1), { timeoutMs: 20_000, what: 'a reply for every customer' });
    await new Promise((r) => setTimeout(r, 500));
    for (const c of customers) expect(replies(c), c).toHaveLength(1);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 60_000);
});
