/**
 * Signed-webhook load on loopback: messages/s end to end (webhook in → reply received by the fake
 * Cloud API) and ack latency, against a bare Express JSON endpoint measured in the same run.
 * Bounded in count and time. Run: node --conditions=source --import tsx bench/server/load.ts
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFakeCloudApi } from '../../server/src/channels/whatsapp/testing/fakeCloudApi.js';
import { signBody } from '../../server/src/channels/whatsapp/verifySignature.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const SECRET = 'bench-secret';
const TOTAL = Number(process.env.BENCH_MESSAGES ?? 20_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 64);
const RATE_SECONDS = Number(process.env.BENCH_RATE_SECONDS ?? 10);
const CUSTOMERS = 2_000;
const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function start(args: string[], env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /running at (http:\/\/localhost:\d+)/.exec(out);
      if (match?.[1]) resolve({ url: match[1], child });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
    setTimeout(() => reject(new Error(`no start: ${out}`)), 60_000);
  });
}

function webhook(i: number, nowSec: number): Buffer {
  const from = `1555${String(i % CUSTOMERS).padStart(7, '0')}`;
  return Buffer.from(
    JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [{ id: '1', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '1', phone_number_id: '100000000000001' }, contacts: [{ profile: { name: 'Load' }, wa_id: from }], messages: [{ from, id: `wamid.load.${i}`, timestamp: String(nowSec), type: 'text', text: { body: 'ping' } }] } }] }],
    }),
  );
}

function post(url: URL, body: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': body.length, 'x-hub-signature-256': signBody(body, SECRET) } }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve(performance.now() - started) : reject(new Error(`status ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function closedLoop(url: URL, total: number, offset: number): Promise<{ seconds: number; latencies: number[] }> {
  const latencies: number[] = [];
  let next = 0;
  const nowSec = Math.floor(Date.now() / 1000);
  const began = performance.now();
  const deadline = began + 120_000;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < total && performance.now() < deadline) {
        const i = next++;
        latencies.push(await post(url, webhook(offset + i, nowSec)));
      }
    }),
  );
  return { seconds: (performance.now() - began) / 1000, latencies };
}

async function openLoop(url: URL, ratePerSecond: number, seconds: number, offset: number): Promise<number[]> {
  const latencies: number[] = [];
  const count = ratePerSecond * seconds;
  const nowSec = Math.floor(Date.now() / 1000);
  const began = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < count; i += 1) {
    const due = began + (i * 1000) / ratePerSecond;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    pending.push(post(url, webhook(offset + i, nowSec)).then((ms) => void latencies.push(ms)));
  }
  await Promise.all(pending);
  return latencies;
}

const pct = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
};

async function main(): Promise<void> {
  const rows: string[] = [];
  // Baseline.
  const bare = await start(['--conditions=source', '--import', 'tsx', 'bench/server/bareExpress.ts'], {});
  const bareRun = await closedLoop(new URL('/webhook/whatsapp', bare.url), TOTAL, 0);
  bare.child.kill();
  rows.push(`| bare Express JSON endpoint | ${(bareRun.latencies.length / bareRun.seconds).toFixed(0)} req/s | — | ${pct(bareRun.latencies, 0.5).toFixed(2)} | ${pct(bareRun.latencies, 0.99).toFixed(2)} |`);

  // Switchboard, embedded store, every write durable (WAL, synchronous=FULL).
  let replies = 0;
  let lastReplyAt = 0;
  const fake = await startFakeCloudApi({
    respond: () => {
      replies += 1;
      lastReplyAt = performance.now();
      return { status: 200, body: { messaging_product: 'whatsapp', messages: [{ id: `wamid.out.${replies}` }] } };
    },
  });
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sb-bench-'));
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const sb = await start([...profile, '--conditions=source', '--import', 'tsx', 'server/src/main.ts'], {
    PORT: '0',
    DATA_DIR: dataDir,
    FLOWS_DIR: fileURLToPath(new URL('./flows', import.meta.url)),
    WHATSAPP_VERIFY_TOKEN: 'v',
    WHATSAPP_APP_SECRET: SECRET,
    WHATSAPP_ACCESS_TOKEN: 't',
    WHATSAPP_API_URL: fake.url,
    ADMIN_PASSWORD: 'bench-password',
    LOG_LEVEL: 'error',
  });
  const url = new URL('/webhook/whatsapp', sb.url);
  await closedLoop(url, 500, 10_000_000); // warm-up
  const warmDeadline = Date.now() + 30_000;
  while (replies < 500 && Date.now() < warmDeadline) await new Promise((r) => setTimeout(r, 20));
  replies = 0;
  const began = performance.now();
  const run = await closedLoop(url, TOTAL, 0);
  const deadline = Date.now() + 120_000;
  while (replies < run.latencies.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  const endToEnd = replies / ((lastReplyAt - began) / 1000);
  rows.push(`| Switchboard, ${run.latencies.length} messages, ${CONCURRENCY} connections | ${(run.latencies.length / run.seconds).toFixed(0)} acks/s | ${endToEnd.toFixed(0)} msg/s (${replies} replies) | ${pct(run.latencies, 0.5).toFixed(2)} | ${pct(run.latencies, 0.99).toFixed(2)} |`);

  const fixed = await openLoop(url, 1000, RATE_SECONDS, 20_000_000);
  rows.push(`| Switchboard at a steady 1,000 msg/s for ${RATE_SECONDS} s | 1000 msg/s offered | — | ${pct(fixed, 0.5).toFixed(2)} | ${pct(fixed, 0.99).toFixed(2)} |`);

  sb.child.kill('SIGTERM');
  await new Promise((r) => sb.child.on('exit', r));
  await fake.close();
  await rm(dataDir, { recursive: true, force: true });
  agent.destroy();

  console.log(`Webhook load — ${new Date().toISOString().slice(0, 16)}Z, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, load avg ${os.loadavg()[0]?.toFixed(1)}`);
  console.log('| run | throughput | end to end | ack p50 ms | ack p99 ms |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const row of rows) console.log(row);
}

await main();
