/**
 * The load generator, run as its own process so it does not share an event loop with the server or
 * the fake Cloud API. Each request is a fresh signed webhook with its own wamid. Closed loop
 * (`amount`): autocannon over keep-alive connections, as fast as they go. Open loop (`rate`): one
 * request due every 1/rate s whatever the server does, latency counted from when it was due (so a
 * stall shows in full, not hidden by the generator waiting). Reads its job from the BENCH_JOB
 * environment variable (JSON) and prints one JSON line with the result.
 */
import autocannon from 'autocannon';
import { createHmac } from 'node:crypto';
import { Pool } from 'undici';

interface Job {
  url: string;
  secret: string;
  /** Closed loop: this many requests as fast as the connections allow. */
  amount?: number;
  /** Open loop: this many requests per second in total, for `seconds`. */
  rate?: number;
  seconds?: number;
  connections: number;
  /** wamids are `wamid.load.<offset + n>`, so runs never collide. */
  offset: number;
  customers: number;
}

const job = JSON.parse(process.env.BENCH_JOB ?? '{}') as Job;
const nowSec = String(Math.floor(Date.now() / 1000));
let next = 0;

function webhook(i: number): string {
  const from = `1555${String(i % job.customers).padStart(7, '0')}`;
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '1',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '1', phone_number_id: '100000000000001' },
              contacts: [{ profile: { name: 'Load' }, wa_id: from }],
              messages: [{ from, id: `wamid.load.${i}`, timestamp: nowSec, type: 'text', text: { body: 'ping' } }],
            },
          },
        ],
      },
    ],
  });
}

function sign(body: string): string {
  return `sha256=${createHmac('sha256', job.secret).update(body).digest('hex')}`;
}

const url = new URL(job.url);

/**
 * Wall-clock time in ms with sub-millisecond precision, comparable across processes on one machine:
 * the parent measures end to end from the first request this process sends.
 */
const epochMs = (): number => performance.timeOrigin + performance.now();

/** This process's CPU time since the load began (user + system), in ms: what generating it cost. */
let cpuAtStart = process.cpuUsage();
function cpuMs(): number {
  const { user, system } = process.cpuUsage(cpuAtStart);
  return (user + system) / 1000;
}

async function openLoop(rate: number, seconds: number): Promise<void> {
  // undici rather than node:http: it costs the generator about half the CPU per request, and that
  // CPU is taken from the same two cores the server runs on.
  const pool = new Pool(url.origin, { connections: job.connections, pipelining: 1 });
  const latencies: number[] = [];
  let failures = 0;
  const total = Math.round(rate * seconds);
  cpuAtStart = process.cpuUsage();
  const began = performance.now();
  const startedAt = performance.timeOrigin + began; // epochMs() at `began`, which paces the requests
  let sent = 0;
  const inFlight = new Set<Promise<void>>();
  const send = async (due: number): Promise<void> => {
    const body = webhook(job.offset + next++);
    try {
      const res = await pool.request({ path: url.pathname, method: 'POST', body, headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(body) } });
      await res.body.dump();
      if (res.statusCode === 200) latencies.push(performance.now() - due);
      else failures += 1;
    } catch {
      failures += 1;
    }
  };
  while (sent < total) {
    const now = performance.now();
    while (sent < total && began + (sent * 1000) / rate <= now) {
      const p = send(began + (sent * 1000) / rate);
      inFlight.add(p);
      void p.then(() => inFlight.delete(p));
      sent += 1;
    }
    await new Promise((r) => setTimeout(r, 1));
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - began) / 1000;
  latencies.sort((x, y) => x - y);
  const at = (q: number) => Number((latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0).toFixed(2));
  await pool.close();
  process.stdout.write(
    `${JSON.stringify({ requests: latencies.length + failures, seconds: elapsed, startedAt, ok: latencies.length, non2xx: failures, errors: 0, timeouts: 0, p50: at(0.5), p99: at(0.99), max: at(1), cpuMs: cpuMs() })}\n`,
  );
}

if (job.rate !== undefined) {
  await openLoop(job.rate, job.seconds ?? 10);
  process.exit(0);
}

cpuAtStart = process.cpuUsage();
// autocannon's own `duration` only ends on its once-a-second tick, so a run of `amount` requests
// reads as a whole number of seconds (20,000 requests in 1.7 s as 2.0 s). Time the run from the
// first request sent to the last response instead.
let startedAt = 0;
let finishedAt = 0;
const result = await autocannon({
  url: url.origin,
  connections: job.connections,
  pipelining: 1,
  amount: job.amount ?? 10_000,
  timeout: 30,
  requests: [
    {
      method: 'POST',
      path: url.pathname,
      setupRequest: (request) => {
        if (startedAt === 0) startedAt = epochMs();
        const body = webhook(job.offset + next++);
        return { ...request, body, headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(body) } };
      },
      onResponse: () => {
        finishedAt = epochMs();
      },
    },
  ],
});
process.stdout.write(
  `${JSON.stringify({
    requests: result.requests.total,
    seconds: (finishedAt - startedAt) / 1000,
    startedAt,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    cpuMs: cpuMs(),
  })}\n`,
);
