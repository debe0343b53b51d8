/**
 * Compares builds of the server under the webhook load bench by running them in alternation, which
 * is the only fair comparison on a VM whose speed moves by tens of per cent within the hour. Each
 * run's server CPU per message is also divided by the bare Express endpoint's CPU per request from
 * the same run, which takes most of that drift out.
 *
 * Keep each build inside the repository so its imports resolve (bench/.builds is git-ignored):
 *   npm run build && cp -r server/dist bench/.builds/before
 *   (change, build) && cp -r server/dist bench/.builds/after
 *   node --conditions=source --import tsx bench/server/alternate.ts before=bench/.builds/before after=bench/.builds/after
 * BENCH_ROUNDS (default 3) sets the rounds; every other BENCH_* setting passes through to load.ts.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

interface Build {
  name: string;
  main: string;
}

interface RunResult {
  build: string;
  round: number;
  bareRate: number;
  bareCpuMs: number;
  acks: number;
  endToEnd: number;
  serverCpuMs: number;
  /** Ack p99 (ms) of each steady run, by its rate. */
  steadyP99: Map<number, number>;
  /** Server CPU per message (ms) of each steady run, by its rate. */
  steadyCpuMs: Map<number, number>;
}

/** The steady rates asked for; load.ts adds one more, 1,000 msg/s scaled to the run's bare Express. */
const ASKED_RATES = (process.env.BENCH_RATE ?? '1000').split(',').map(Number);

function parseBuilds(args: string[]): Build[] {
  const builds = args.map((arg) => {
    const match = /^([^=]+)=(.+)$/.exec(arg);
    if (!match?.[1] || !match[2]) throw new Error(`expected NAME=DIR, got ${arg}`);
    return { name: match[1], main: path.join(path.resolve(match[2]), 'main.js') };
  });
  if (builds.length < 2) throw new Error('name at least two builds: NAME=DIR NAME=DIR');
  return builds;
}

function runLoad(build: Build): Promise<string> {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'bench/server/load.ts'], {
    cwd: root,
    env: { ...process.env, BENCH_SERVER_MAIN: build.main },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`load.ts exited ${code} for ${build.name}:\n${out}`))));
  });
}

/** The number in `text` after `pattern`'s capture, or a loud failure naming what was missing. */
function pick(text: string, pattern: RegExp, what: string): number {
  const match = pattern.exec(text);
  if (!match?.[1]) throw new Error(`no ${what} in the bench's output:\n${text}`);
  return Number(match[1].replace(/,/g, ''));
}

function parse(build: string, round: number, out: string): RunResult {
  const steadyP99 = new Map<number, number>();
  for (const match of out.matchAll(/^\| Switchboard at a steady ([\d,]+) msg\/s .*\| ([\d.]+) \|$/gm)) {
    steadyP99.set(Number(match[1]?.replace(/,/g, '')), Number(match[2]));
  }
  const steadyCpuMs = new Map<number, number>();
  for (const match of out.matchAll(/^\| Switchboard, steady ([\d,]+) msg\/s \| \d+ messages \| ([\d.]+) \|/gm)) {
    steadyCpuMs.set(Number(match[1]?.replace(/,/g, '')), Number(match[2]));
  }
  return {
    build,
    round,
    bareRate: pick(out, /^\| bare Express JSON endpoint \| (\d+) req\/s/m, 'bare Express rate'),
    bareCpuMs: pick(out, /^\| bare Express JSON endpoint \| \d+ requests \| ([\d.]+) \|/m, 'bare Express CPU'),
    acks: pick(out, /^\| Switchboard, \d+ messages, \d+ connections \| (\d+) acks\/s/m, 'ack rate'),
    endToEnd: pick(out, /^\| Switchboard, \d+ messages, \d+ connections \| \d+ acks\/s \| (\d+) msg\/s/m, 'end-to-end rate'),
    serverCpuMs: pick(out, /^\| Switchboard, throughput run \| \d+ messages \| ([\d.]+) \|/m, 'server CPU'),
    steadyP99,
    steadyCpuMs,
  };
}

/** A run's steady results in report order: the asked rates, then the scaled one (whatever its rate). */
function steadyCells(r: RunResult): string[] {
  const cells = ASKED_RATES.map((rate) => `${r.steadyP99.get(rate)?.toFixed(1) ?? '—'} / ${r.steadyCpuMs.get(rate)?.toFixed(2) ?? '—'}`);
  const scaled = [...r.steadyP99.keys()].find((rate) => !ASKED_RATES.includes(rate));
  if (scaled !== undefined) cells.push(`${r.steadyP99.get(scaled)?.toFixed(1)} / ${r.steadyCpuMs.get(scaled)?.toFixed(2) ?? '—'} (${scaled}/s)`);
  return cells;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
};

async function main(): Promise<void> {
  const builds = parseBuilds(process.argv.slice(2));
  const results: RunResult[] = [];
  for (let round = 1; round <= ROUNDS; round += 1) {
    for (const build of builds) {
      process.stderr.write(`round ${round}/${ROUNDS}: ${build.name}\n`);
      results.push(parse(build.name, round, await runLoad(build)));
    }
  }
  const columns = [...ASKED_RATES.map((rate) => `at ${rate}/s`), ...(results.some((r) => steadyCells(r).length > ASKED_RATES.length) ? ['at the scaled rate'] : [])];
  console.log(`Alternating runs — ${new Date().toISOString().slice(0, 16)}Z, ${ROUNDS} rounds; steady runs as ack p99 ms / server CPU ms per message`);
  console.log(`| round | build | bare req/s | acks/s | end to end msg/s | server CPU ms/msg | ÷ bare CPU ms/req | ${columns.join(' | ')} |`);
  console.log(`| ---: | --- | ---: | ---: | ---: | ---: | ---: | ${columns.map(() => '---:').join(' | ')} |`);
  for (const r of results) {
    console.log(`| ${r.round} | ${r.build} | ${r.bareRate} | ${r.acks} | ${r.endToEnd} | ${r.serverCpuMs.toFixed(3)} | ${(r.serverCpuMs / r.bareCpuMs).toFixed(2)} | ${steadyCells(r).join(' | ')} |`);
  }
  console.log('');
  console.log('| build | median end to end ÷ bare rate | median server CPU ÷ bare CPU |');
  console.log('| --- | ---: | ---: |');
  for (const build of builds) {
    const mine = results.filter((r) => r.build === build.name);
    const throughput = median(mine.map((r) => r.endToEnd / r.bareRate));
    const cpu = median(mine.map((r) => r.serverCpuMs / r.bareCpuMs));
    console.log(`| ${build.name} | ${(throughput * 100).toFixed(1)} % | ${cpu.toFixed(2)} |`);
  }
}

await main();
