import type { ChildProcess } from 'node:child_process';
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
const children: ChildProcess[] = [];

const startProcess = async (): Promise<string> => {
  const started = await startServerProcess({ dataDir, cloudApiUrl: fake.url });
  children.push(started.child);
  return started.url;
};

beforeAll(async () => {
  fake = await startFakeCloudApi();
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'sb-two-'));
}, 60_000);
afterAll(async () => {
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.on('exit', r)))));
  await fake.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('two server processes on one embedded store', () => {
  it('answers 50 conversations written to both at once, each in order and none twice', async () => {
    // The first process seeds the store; the second starts once it has.
    const a = await startProcess();
    const b = await startProcess();
    const now = Math.floor(Date.now() / 1000);
    const texts = ['echo', 'm1', 'm2', 'm3'];
    const post = async (url: string, body: object) => {
      const raw = Buffer.from(JSON.stringify(body));
      const res = await fetch(`${url}/webhook/whatsapp`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signBody(raw, APP_SECRET) }, body: raw });
      expect(res.status).toBe(200);
    };
    await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        const from = `1555300${String(i).padStart(4, '0')}`;
        for (const [k, text] of texts.entries()) {
          await post((i + k) % 2 === 0 ? a : b, textWebhook({ from, wamid: `wamid.two.${i}.${k}`, text, timestampSec: now + k }));
        }
      }),
    );
    const echoes = (i: number) => sentMessages(fake.requests).filter((m) => m.to === `+1555300${String(i).padStart(4, '0')}` && m.text.startsWith('echo:'));
    await waitFor(() => Array.from({ length: 50 }, (_, i) => echoes(i).length).every((n) => n >= 3), { timeoutMs: 60_000, what: 'three echoes per conversation' });
    // The prompts after the last echoes may still be paced out per customer: wait for all of them,
    // then a little longer, so a duplicate would have time to show.
    await waitFor(() => sentMessages(fake.requests).length >= 350, { timeoutMs: 30_000, what: '350 sends' });
    await new Promise((r) => setTimeout(r, 500));
    for (let i = 0; i < 50; i += 1) {
      expect(echoes(i).map((m) => m.text), `conversation ${i}`).toEqual(['echo: m1', 'echo: m2', 'echo: m3']);
    }
    // 50 × (prompt after "echo" + 3 × (echo + prompt)) = 350 sends, no more.
    expect(sentMessages(fake.requests)).toHaveLength(350);
  }, 120_000);
});
