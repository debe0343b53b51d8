/**
 * The flow the engine step benches run: 50 nodes (start, five set nodes, a question, a route over
 * 10 intents, 10 × message → question → keyword route → message, a fallback), and the messages
 * sent to it.
 */
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
export const flow = { schemaVersion: 1, id: 'bench', name: 'Bench', locales: ['en', 'ru'], intents: topics.map((name) => ({ name, examples: examples(name) })), nodes, edges };


export const messages = ['i have a question about my delivery', 'help with vouchers please', 'проблема с заказом orders', 'tell me about warranty', 'what about payments'];
