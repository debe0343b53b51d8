// Times each statistics use case over 1,000,000 generated messages in the embedded store.
// Run: npx tsx bench/stats/statsBench.ts   (STATS_BENCH_DIR=… reuses a generated store; MESSAGES=… to size it)
import { existsSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createEmbeddedStore } from '../../server/src/store/embedded/createEmbeddedStore.js';
import { getFlowStats } from '../../server/src/stats/getFlowStats.js';
import { getMessageStats } from '../../server/src/stats/getMessageStats.js';
import { getOperatorStats } from '../../server/src/stats/getOperatorStats.js';
import { parseStatsRange } from '../../server/src/stats/statsRange.js';
import { generateHistory } from './generateHistory.js';

const MESSAGES = Number(process.env.MESSAGES ?? 1_000_000);
const dataDir = process.env.STATS_BENCH_DIR ?? join(tmpdir(), `sb-stats-bench-${MESSAGES}`);
const END = Date.UTC(2025, 6, 1);
const RUNS = 7;

if (!existsSync(join(dataDir, 'switchboard.sqlite'))) {
  const started = performance.now();
  const made = generateHistory({ dataDir, messages: MESSAGES, days: 90, end: END, conversations: 40_000 });
  console.log(`generated ${made.messages} messages, ${made.events} events, ${made.conversations} conversations, ${made.handoffs} handoffs in ${((performance.now() - started) / 1000).toFixed(0)} s into ${dataDir}`);
} else {
  console.log(`reusing ${dataDir}`);
}

const store = await createEmbeddedStore({ dataDir });
const now = END;
const range = (days: number, tz: string) => parseStatsRange({ from: new Date(END - days * 86_400_000).toISOString().slice(0, 10), to: new Date(END - 86_400_000).toISOString().slice(0, 10), tz }, { timeZone: tz, now });

const cases: [string, () => Promise<unknown>][] = [
  ['messages, 30 days, Europe/Moscow', () => getMessageStats(store, range(30, 'Europe/Moscow'))],
  ['messages, 90 days, Europe/Berlin', () => getMessageStats(store, range(90, 'Europe/Berlin'))],
  ['operators, 30 days', () => getOperatorStats(store, range(30, 'Europe/Moscow'), { missedAfterMs: 300_000, now })],
  ['operators, 90 days', () => getOperatorStats(store, range(90, 'Europe/Moscow'), { missedAfterMs: 300_000, now })],
  ['flows, 30 days', () => getFlowStats(store, range(30, 'Europe/Moscow'))],
  ['flows, 90 days', () => getFlowStats(store, range(90, 'Europe/Moscow'))],
  ['flow overlay (one flow), 90 days', () => getFlowStats(store, range(90, 'Europe/Moscow'), { flowId: 'orders' })],
];

const rows: string[] = [];
for (const [name, run] of cases) {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  const first = times[0] ?? 0;
  const sorted = [...times].sort((a, b) => a - b);
  rows.push(`| ${name} | ${first.toFixed(1)} | ${(sorted[Math.floor(RUNS / 2)] ?? 0).toFixed(1)} | ${(sorted.at(-1) ?? 0).toFixed(1)} |`);
}
const counted = await getMessageStats(store, range(90, 'UTC'));
await store.close();

console.log(`\n${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; ${counted.totals.received + counted.totals.created} messages in the 90-day range`);
console.log('\n| use case | first ms | median ms | max ms |\n| --- | ---: | ---: | ---: |');
console.log(rows.join('\n'));
