/**
 * Engine step latency: one customer text message through a 50-node flow, NLU included.
 * Run: node --conditions=source --import tsx bench/engine/step.ts
 */
import os from 'node:os';
import { compileBot, step, type ConversationSnapshot, type Inbound } from '@switchboard/engine';
import { createActor, createMachine } from 'xstate';

const t = (en: string, ru: string) => ({ en, ru });
const topics = ['orders', 'bookings', 'returns', 'payments', 'delivery', 'hours', 'address', 'vouchers', 'warranty', 'accounts'];
const examples = (topic: string) => ({
  en: [`question about ${topic}`, `help with ${topic}`, `i need ${topic} info`, `tell me about ${topic}`, `${topic} problem`, `my ${topic}`],
  ru: [`вопрос про ${topic}`, `помогите с ${topic}`, `нужна информация ${topic}`, `расскажите про ${topic}`, `проблема ${topic}`, `мой ${topic}`],
});

// 50 nodes: start, ask, route with 10 intent rules, 10 × (message → ask → route(keyword) → message) + end.
const nodes: unknown[] = [{ id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} }];
const edges: unknown[] = [];
const edge = (source: string, sourceHandle: string, target: string) => edges.push({ id: `${source}:${sourceHandle}`, source, sourceHandle, target });
nodes.push({ id: 'ask', type: 'ask', position: { x: 0, y: 0 }, data: { prompt: t('How can I help?', 'Чем помочь?'), variable: 'q', validator: { type: 'text' } } });
nodes.push({ id: 'route', type: 'route', position: { x: 0, y: 0 }, data: { rules: topics.map((topic) => ({ id: topic, kind: 'intent', intent: topic, minConfidence: 0.5 })) } });
// Five set nodes between start and the first question bring the flow to 50 nodes.
for (let i = 1; i <= 5; i += 1) nodes.push({ id: `s${i}`, type: 'set', position: { x: 0, y: 0 }, data: { assignments: [{ variable: `x${i}`, value: String(i) }] } });
edge('start', 'next', 's1');
for (let i = 1; i < 5; i += 1) edge(`s${i}`, 'next', `s${i + 1}`);
edge('s5', 'next', 'ask');
edge('ask', 'valid', 'route');
for (const topic of topics) {
  nodes.push({ id: `${topic}-m`, type: 'message', position: { x: 0, y: 0 }, data: { text: t(`About ${topic}: {{q}}`, `Про ${topic}: {{q}}`) } });
  nodes.push({ id: `${topic}-a`, type: 'ask', position: { x: 0, y: 0 }, data: { prompt: t('More?', 'Ещё?'), variable: `${topic}More`, validator: { type: 'text' } } });
  nodes.push({ id: `${topic}-r`, type: 'route', position: { x: 0, y: 0 }, data: { rules: [{ id: 'yes', kind: 'keyword', keywords: { en: ['yes', 'more'], ru: ['да', 'ещё'] } }] } });
  nodes.push({ id: `${topic}-e`, type: 'message', position: { x: 0, y: 0 }, data: { text: t('Glad to help', 'Рад помочь') } });
  edge('route', topic, `${topic}-m`);
  edge(`${topic}-m`, 'next', `${topic}-a`);
  edge(`${topic}-a`, 'valid', `${topic}-r`);
  edge(`${topic}-r`, 'yes', 'ask');
  edge(`${topic}-r`, 'fallback', `${topic}-e`);
}
nodes.push({ id: 'fallback', type: 'message', position: { x: 0, y: 0 }, data: { text: t('Sorry?', 'Простите?') } });
edge('route', 'fallback', 'fallback');
edge('fallback', 'next', 'ask-again');
nodes.push({ id: 'ask-again', type: 'jump', position: { x: 0, y: 0 }, data: { nodeId: 'ask' } });
const flow = { schemaVersion: 1, id: 'bench', name: 'Bench', locales: ['en', 'ru'], intents: topics.map((name) => ({ name, examples: examples(name) })), nodes, edges };

const compiled = compileBot({ flows: [flow], settings: { mainFlowId: 'bench' } });
if (!compiled.ok) throw new Error(JSON.stringify(compiled.issues, null, 2));
const bot = compiled.bot;
const nodeCount = nodes.length;

// Park the conversation at the first ask: every measured step is a text answer → route by intent → message → ask.
const first = step({ bot, snapshot: null, inbound: { type: 'message', id: 'w0', content: { kind: 'text', text: 'hi' } }, now: 0 });
const parked: ConversationSnapshot = JSON.parse(JSON.stringify(first.snapshot));
const messages = ['i have a question about my delivery', 'help with vouchers please', 'проблема с заказом orders', 'tell me about warranty', 'what about payments'];

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
