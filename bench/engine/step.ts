/**
 * Engine step latency: one customer text message through a 50-node flow, NLU included.
 * Run: node --conditions=source --import tsx bench/engine/step.ts
 */
import os from 'node:os';
import { compileBot, step, type ConversationSnapshot, type Inbound } from '@switchboard/engine';
import { createActor, createMachine } from 'xstate';
import { flow, messages } from './benchFlow.js';

const compiled = compileBot({ flows: [flow], settings: { mainFlowId: 'bench' } });
if (!compiled.ok) throw new Error(JSON.stringify(compiled.issues, null, 2));
const bot = compiled.bot;
const nodeCount = flow.nodes.length;

// Park the conversation at the first ask: every measured step is a text answer → route by intent → message → ask.
const first = step({ bot, snapshot: null, inbound: { type: 'message', id: 'w0', content: { kind: 'text', text: 'hi' } }, now: 0 });
const parked: ConversationSnapshot = JSON.parse(JSON.stringify(first.snapshot));

function measure(label: string, run: (i: number) => void, iterations: number): { label: string; p50: number; p99: number; mean: number } {
  for (let i = 0; i < 2000; i += 1) run(i);
  const samples = new Float64Array(iterations);
  for (let i = 0; i < iterations; i += 1) {
    const t0 = performance.now();
    run(i);
    samples[i] = (performance.now() - t0) * 1000;
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { label, p50: at(0.5), p99: at(0.99), mean: sorted.reduce((a, b) => a + b, 0) / sorted.length };
}

const results = [
  measure(`step: text → NLU → route → message → ask (${nodeCount} nodes)`, (i) => {
    const inbound: Inbound = { type: 'message', id: `w${i}`, content: { kind: 'text', text: messages[i % messages.length] ?? '' } };
    const result = step({ bot, snapshot: JSON.parse(JSON.stringify(parked)), inbound, now: 1000 });
    JSON.stringify(result.snapshot);
  }, 20_000),
  measure('NLU analyze only', (i) => {
    bot.nlu.analyze(messages[i % messages.length] ?? '', { localeHint: 'en', locales: ['en', 'ru'] });
  }, 20_000),
  (() => {
    const toggle = createMachine({ initial: 'a', context: { n: 0 }, states: { a: { on: { go: 'b' } }, b: { on: { go: 'a' } } } });
    const persisted = createActor(toggle).start().getPersistedSnapshot();
    return measure('xstate alone: restore + send + persist (2 states)', () => {
      const actor = createActor(toggle, { snapshot: persisted }).start();
      actor.send({ type: 'go' });
      JSON.stringify(actor.getPersistedSnapshot());
      actor.stop();
    }, 20_000);
  })(),
];

console.log(`Engine step latency — ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`);
console.log('| measurement | p50 µs | p99 µs | mean µs |');
console.log('| --- | ---: | ---: | ---: |');
for (const r of results) console.log(`| ${r.label} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.mean.toFixed(1)} |`);
