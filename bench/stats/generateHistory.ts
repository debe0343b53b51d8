// Writes a synthetic history straight into an embedded store file, bypassing the turn path for
// speed but firing the same triggers a real server would: messages, statuses, events, handoffs and
// closes, in time order per conversation. Bench only.
import { randomUUID } from 'node:crypto';
import type { Json } from '@switchboard/engine/schema';
import { createEventWriter } from '../../server/src/store/embedded/createEventWriter.js';
import { openDatabase } from '../../server/src/store/embedded/openDatabase.js';
import { createSeededRandom } from '../seededRandom.js';

export interface GeneratedHistory {
  messages: number;
  events: number;
  conversations: number;
  handoffs: number;
  from: number;
  to: number;
}

const PREFIXES = ['7916', '7903', '7701', '1415', '1613', '4915', '4477', '9198', '3466', '3361'];
const FLOWS = [
  { id: 'main', nodes: ['start', 'menu', 'ask', 'confirm', 'done'] },
  { id: 'orders', nodes: ['start', 'askNumber', 'lookup', 'status', 'end'] },
  { id: 'faq', nodes: ['start', 'answer', 'end'] },
];
const MISSES = ['where is my parcel', 'can i pay by card', 'do you deliver on sunday', 'i want a refund', 'hello??', 'is the shop open'];
const OPERATORS = ['op-1', 'op-2', 'op-3', 'op-4', 'op-5'];
const TEAMS = ['support', 'sales'];


export function generateHistory(input: { dataDir: string; messages: number; days: number; end: number; conversations: number }): GeneratedHistory {
  const db = openDatabase({ dataDir: input.dataDir });
  db.pragma('synchronous = OFF');
  const random = createSeededRandom(7);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] ?? (list[0] as T);
  const from = input.end - input.days * 86_400_000;

  const insertConversation = db.prepare(
    `INSERT INTO conversations VALUES (@id, 'whatsapp', 'pn', @customer, NULL, 'bot', NULL, NULL, NULL, NULL, @labels, NULL, 0, NULL, @at, @at)`,
  );
  const insertMessage = db.prepare<{ id: string; conversation: string; direction: string; sender: string; content: string; at: number; state: string; operator: string | null; flow: string | null }>(
    `INSERT INTO messages (id, conversation_id, direction, sender, wamid, content, at, state, operator_id, flow_id)
     VALUES (@id, @conversation, @direction, @sender, CASE WHEN @direction = 'in' THEN @id END, @content, @at, @state, @operator, @flow)`,
  );
  const setStatus = db.prepare<{ statusAt: string; state: string; id: string }>('UPDATE messages SET status_at = @statusAt, state = @state WHERE id = @id');
  // Events go through the store's own event writer, which keeps the counters a live server keeps.
  const events = createEventWriter(db);
  const setStatusOf = db.prepare<{ id: string; status: string; assignee: string | null; at: number }>(
    'UPDATE conversations SET status = @status, assignee_id = @assignee, updated_at = @at WHERE id = @id',
  );

  const conversations = Array.from({ length: input.conversations }, (_, i) => ({
    id: randomUUID(),
    customer: `${PREFIXES[i % PREFIXES.length]}${String(1_000_000 + i).padStart(7, '0')}`,
    labels: JSON.stringify(i % 7 === 0 ? ['vip'] : i % 11 === 0 ? ['wholesale', 'vip'] : []),
  }));
  const counts: GeneratedHistory = { messages: 0, events: 0, conversations: conversations.length, handoffs: 0, from, to: input.end };
  const message = (conversation: string, direction: 'in' | 'out', sender: string, at: number, text: string, extra: { operator?: string; flow?: string; template?: string } = {}) => {
    const id = randomUUID();
    const content = extra.template ? { kind: 'template', name: extra.template, language: 'en', parameters: [] } : direction === 'in' ? { type: 'text', text } : { kind: 'text', text };
    insertMessage.run({ id, conversation, direction, sender, content: JSON.stringify(content), at, state: direction === 'in' ? 'processed' : 'queued', operator: extra.operator ?? null, flow: extra.flow ?? null });
    counts.messages += 1;
    if (direction === 'out') {
      const roll = random();
      const statusAt: Record<string, number> = { sent: at + 1000 };
      if (roll < 0.03) statusAt.failed = at + 2000;
      else {
        statusAt.delivered = at + 3000;
        if (roll < 0.8) statusAt.read = at + 60_000;
      }
      setStatus.run({ id, statusAt: JSON.stringify(statusAt), state: statusAt.failed ? 'failed' : statusAt.read ? 'read' : 'delivered' });
    }
  };
  const event = (conversation: string, type: string, at: number, flow: string | null, node: string | null, data: object) => {
    events.write(conversation, [{ type, at, flowId: flow, nodeId: node, data: data as Json }]);
    counts.events += 1;
  };

  // Sessions in time order: each is a few exchanges with the bot, sometimes a template, a miss or a handoff.
  const perSession = 3.9;
  const sessions = Math.ceil(input.messages / perSession);
  const step = (input.end - from) / sessions;
  const write = db.transaction((batch: number[]) => {
    for (const s of batch) {
      if (counts.messages >= input.messages) break;
      const conversation = conversations[s % conversations.length];
      if (!conversation) continue;
      if (s < conversations.length) insertConversation.run({ id: conversation.id, customer: conversation.customer, labels: conversation.labels, at: from + s * step });
      const c = conversation.id;
      let t = Math.floor(from + s * step + random() * step);
      const flow = pick(FLOWS);
      message(c, 'in', 'customer', t, 'hi');
      event(c, 'nlu', t, null, null, { locale: 'en', intent: random() < 0.7 ? flow.id : null, confidence: 0.8, keyword: null });
      event(c, 'flow.start', t, flow.id, null, { by: 'intent' });
      const depth = 1 + Math.floor(random() * flow.nodes.length);
      for (const [i, node] of flow.nodes.slice(0, depth).entries()) {
        event(c, 'node.visit', t, flow.id, node, { nodeType: i === 0 ? 'start' : node === 'end' ? 'end' : 'message' });
        if (i > 0) message(c, 'out', 'bot', t, 'reply', { flow: flow.id });
        if (i > 0 && i < depth - 1) {
          t += 20_000 + Math.floor(random() * 60_000);
          message(c, 'in', 'customer', t, 'ok');
          if (random() < 0.15) {
            const text = pick(MISSES);
            event(c, 'nlu', t, null, null, { locale: 'en', intent: null, confidence: 0.1, keyword: null });
            event(c, 'nlu.miss', t, flow.id, node, { count: 1, text });
          }
        }
      }
      if (flow.nodes[depth - 1] === 'end') event(c, 'flow.end', t, flow.id, null, {});
      if (random() < 0.05) message(c, 'out', 'bot', t + 3_600_000, 'template', { template: pick(['order_update', 'payment_due', 'promo']), flow: flow.id });
      if (random() < 0.1) {
        counts.handoffs += 1;
        const team = pick(TEAMS);
        event(c, 'handoff', t, flow.id, flow.nodes[depth - 1] ?? null, { queue: team, reason: pick(['requested', 'notUnderstood', 'flow']) });
        setStatusOf.run({ id: c, status: 'queued', assignee: null, at: t });
        if (random() < 0.85) {
          const operator = pick(OPERATORS);
          t += 30_000 + Math.floor(random() * 600_000);
          setStatusOf.run({ id: c, status: 'assigned', assignee: operator, at: t });
          message(c, 'out', 'operator', t, 'hello', { operator });
          t += 60_000;
          message(c, 'in', 'customer', t, 'thanks');
          t += 20_000 + Math.floor(random() * 200_000);
          message(c, 'out', 'operator', t, 'done', { operator });
        }
        t += 300_000 + Math.floor(random() * 1_800_000);
        setStatusOf.run({ id: c, status: random() < 0.5 ? 'closed' : 'bot', assignee: null, at: t });
      }
    }
    events.flush();
  });
  const BATCH = 2000;
  for (let s = 0; s < sessions * 2 && counts.messages < input.messages; s += BATCH) write(Array.from({ length: BATCH }, (_, i) => s + i));
  db.pragma('synchronous = FULL');
  db.close();
  return counts;
}
