/**
 * Engine step latency of two engine source trees in one process, interleaved in rounds, so that
 * a slower or busier machine weighs on both alike: the same 50-node flow and messages as
 * bench/engine/step.ts. Run:
 *   node --conditions=source --import tsx bench/engine/compare.ts a=../other-checkout b=.
 * (each a directory holding engine/src; b defaults to this checkout).
 */
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { flow, messages } from './benchFlow.js';

import type * as EngineModule from '../../engine/src/index.js';

type Engine = typeof EngineModule;

const args = Object.fromEntries(process.argv.slice(2).map((arg) => arg.split('=') as [string, string]));
if (!args.a) throw new Error('usage: compare.ts a=DIR [b=DIR]');
const load = async (dir: string): Promise<Engine> => (await import(pathToFileURL(path.resolve(dir, 'engine/src/index.ts')).href)) as Engine;
const engines: Record<string, Engine> = { a: await load(args.a), b: await load(args.b ?? '.') };

function runnerOf(engine: Engine): (i: number) => void {
  const compiled = engine.compileBot({ flows: [flow], settings: { mainFlowId: 'bench' } });
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.issues, null, 2));
  const bot = compiled.bot;
  const first = engine.step({ bot, snapshot: null, inbound: { type: 'message', id: 'w0', content: { kind: 'text', text: 'hi' } }, now: 0 });
  const parked = JSON.stringify(first.snapshot);
  return (i) => {
    const result = engine.step({ bot, snapshot: JSON.parse(parked), inbound: { type: 'message', id: `w${i}`, content: { kind: 'text', text: messages[i % messages.length] ?? '' } }, now: 1000 });
    JSON.stringify(result.snapshot);
  };
}

const runners = Object.entries(engines).map(([name, engine]) => ({ name, run: runnerOf(engine), samples: [] as number[] }));
for (let round = 0; round < 20; round += 1) {
  for (const runner of runners) {
    for (let i = 0; i < 500; i += 1) runner.run(i);
    for (let i = 0; i < 2000; i += 1) {
      const t0 = performance.now();
      runner.run(i);
      runner.samples.push((performance.now() - t0) * 1000);
    }
  }
}
const at = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
console.log(`Engine step, two trees interleaved — ${new Date().toISOString().slice(0, 16)}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`);
console.log('| tree | p50 µs | p99 µs | mean µs |');
console.log('| --- | ---: | ---: | ---: |');
for (const { name, samples } of runners) {
  const sorted = [...samples].sort((x, y) => x - y);
  const mean = sorted.reduce((s, v) => s + v, 0) / sorted.length;
  console.log(`| ${name} = ${path.resolve(args[name] ?? '.')} | ${at(sorted, 0.5).toFixed(1)} | ${at(sorted, 0.99).toFixed(1)} | ${mean.toFixed(1)} |`);
}
