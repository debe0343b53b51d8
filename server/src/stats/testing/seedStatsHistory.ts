import type { Json } from '@switchboard/engine/schema';
import type { AnalyticsEvent, NewOutbound, Store, TurnCommit } from '../../store/types.js';

/** 2025-03-10 (a Monday) at hh:mm UTC. */
export const at = (hour: number, minute = 0): number => Date.UTC(2025, 2, 10, hour, minute);
/** A moment after the whole history, for "still waiting" checks. */
export const HISTORY_NOW = Date.UTC(2025, 2, 11, 12, 0);

type TurnEvent = Omit<AnalyticsEvent, 'conversationId' | 'at'>;
const visit = (flowId: string, nodeId: string, nodeType: string): TurnEvent => ({ type: 'node.visit', flowId, nodeId, data: { nodeType } });
const start = (flowId: string): TurnEvent => ({ type: 'flow.start', flowId, nodeId: null, data: { by: 'keyword' } });
const nlu = (intent: string | null): TurnEvent => ({ type: 'nlu', flowId: null, nodeId: null, data: { locale: 'en', intent, confidence: intent ? 0.9 : 0.1, keyword: null } });
const miss = (flowId: string | null, nodeId: string | null, text: string): TurnEvent => ({ type: 'nlu.miss', flowId, nodeId, data: { count: 1, text } });
const handoff = (queue: string, reason: string, flowId: string | null = null, nodeId: string | null = null): TurnEvent => ({ type: 'handoff', flowId, nodeId, data: { queue, reason } });
const bot = (text: string, flowId: string | null): NewOutbound => ({ sender: 'bot', content: { kind: 'text', text }, flowId });

/**
 * Writes a small, fully known history through the store's public operations, the way the server
 * would: six customers, two flows (`main`, `faq`), three handoffs, a template and its reply, and
 * statuses. The figures every statistic must show for it are in the tests beside each use.
 *
 * - A (RU +7 916…): greets, is not understood, asks for a person at main/human (support, requested)
 *   at 10:06; op-1 claims and answers at 10:09 and 10:12 (the customer wrote again at 10:10); closed 10:30.
 * - B (US): enters main at 23:30 UTC (02:30 next day in Moscow) and stays on main/ask; its one
 *   message fails after being sent.
 * - C (UK +44 7700 900…, no country): completes faq at 12:00; gets template `order_update` at 13:00
 *   and answers it at 14:00 with a message the bot does not understand.
 * - D (DE): is handed off at main/menu at 15:00 (sales, notUnderstood) and given back to the bot at
 *   15:20 unanswered.
 * - E (KZ): handed off at 16:00 outside any flow (support, flow) and still waiting.
 * - F (RU +7 903…): stops on main/menu at 17:00 and starts faq at 18:00, completing it.
 */
export async function seedStatsHistory(store: Store): Promise<void> {
  let version = new Map<string, number>();
  let keySeq = 0;

  async function receive(customerId: string, text: string, when: number) {
    const { inserted } = await store.insertInbound(
      [{ channel: 'whatsapp', businessNumberId: 'pn-1', customerId, profileName: null, wamid: `wamid.${customerId}.${when}`, content: { type: 'text', text }, at: when }],
      when,
    );
    const message = inserted[0];
    if (!message) throw new Error('inbound not stored');
    return message;
  }

  async function commit(conversationId: string, when: number, parts: Partial<Pick<TurnCommit, 'outbound' | 'patch' | 'processedInboundId'>> & { events?: TurnEvent[] }) {
    const expectedVersion = version.get(conversationId) ?? 0;
    keySeq += 1;
    const result = await store.commitTurn({
      conversationId,
      turnKey: parts.processedInboundId ? `in:${parts.processedInboundId}` : `seed:${keySeq}`,
      expectedVersion,
      snapshot: { seeded: true } satisfies Json,
      ...(parts.patch ? { patch: parts.patch } : {}),
      ...(parts.processedInboundId ? { processedInboundId: parts.processedInboundId } : {}),
      outbound: parts.outbound ?? [],
      events: (parts.events ?? []).map((e) => ({ ...e, at: when })),
      scheduleTimers: [],
      cancelTimers: [],
      now: when,
    });
    if (!result.ok) throw new Error(`seed commit failed: ${result.reason}`);
    version = new Map(version).set(conversationId, result.conversation.version);
    return result.outbound;
  }

  async function turn(customerId: string, text: string, when: number, parts: Parameters<typeof commit>[2] = {}) {
    const message = await receive(customerId, text, when);
    return { conversationId: message.conversationId, outbound: await commit(message.conversationId, when, { ...parts, processedInboundId: message.id }) };
  }

  let wamids = 0;
  async function deliver(messageId: string, when: number, statuses: ('delivered' | 'read' | 'failed')[]) {
    wamids += 1;
    const wamid = `wamid.out.${wamids}`;
    await store.markSent(messageId, wamid, when);
    for (const [i, status] of statuses.entries()) await store.applyStatus({ wamid, status, at: when + (i + 1) * 1000 });
  }

  // A
  const a1 = await turn('79161234567', 'hello', at(10, 0), {
    events: [nlu('greet'), start('main'), visit('main', 'start', 'start'), visit('main', 'menu', 'message'), visit('main', 'ask', 'ask')],
    outbound: [bot('Hi!', 'main'), bot('What do you need?', 'main')],
  });
  const a2 = await turn('79161234567', 'Where is my parcel??', at(10, 5), { events: [nlu(null), miss('main', 'ask', 'Where is my parcel??')], outbound: [bot('Sorry?', 'main')] });
  await turn('79161234567', 'operator', at(10, 6), {
    events: [visit('main', 'human', 'handoff'), handoff('support', 'requested', 'main', 'human')],
    patch: { status: 'queued', queue: 'support', handoffReason: 'requested', handoffAt: at(10, 6), labels: ['vip', 'delivery'] },
  });
  const conversationA = a1.conversationId;
  const op1 = await commit(conversationA, at(10, 9), { patch: { status: 'assigned', assigneeId: 'op-1' }, outbound: [{ sender: 'operator', content: { kind: 'text', text: 'Hello, Olga here' }, operatorId: 'op-1' }] });
  await turn('79161234567', 'it is late', at(10, 10));
  const op2 = await commit(conversationA, at(10, 12), { outbound: [{ sender: 'operator', content: { kind: 'text', text: 'Checking' }, operatorId: 'op-1' }] });
  await commit(conversationA, at(10, 30), { patch: { status: 'closed' } });
  for (const m of [...a1.outbound, ...a2.outbound]) await deliver(m.id, at(10, 40), ['delivered', 'read']);
  for (const m of [...op1, ...op2]) await deliver(m.id, at(10, 40), ['delivered']);

  // B
  const b1 = await turn('14155550100', 'hi', at(23, 30), {
    events: [start('main'), visit('main', 'start', 'start'), visit('main', 'menu', 'message'), visit('main', 'ask', 'ask')],
    outbound: [bot('What do you need?', 'main')],
    patch: { labels: ['vip'] },
  });
  for (const m of b1.outbound) await deliver(m.id, at(23, 31), ['failed']);

  // C
  const c1 = await turn('447700900123', 'faq', at(12, 0), {
    events: [start('faq'), visit('faq', 'start', 'start'), visit('faq', 'answer', 'message'), visit('faq', 'end', 'end'), { type: 'flow.end', flowId: 'faq', nodeId: null, data: {} }],
    outbound: [bot('Here are the answers', 'faq')],
  });
  const template = await commit(c1.conversationId, at(13, 0), { outbound: [{ sender: 'bot', content: { kind: 'template', name: 'order_update', language: 'en', parameters: [] }, flowId: 'faq' }] });
  for (const m of c1.outbound) await deliver(m.id, at(12, 1), ['delivered']);
  for (const m of template) await deliver(m.id, at(13, 1), ['delivered', 'read']);
  await turn('447700900123', '  where is my parcel??  ', at(14, 0), { events: [nlu(null), miss(null, null, '  where is my parcel??  ')] });

  // D
  await turn('4915112345678', 'blah', at(15, 0), {
    events: [start('main'), visit('main', 'start', 'start'), visit('main', 'menu', 'message'), handoff('sales', 'notUnderstood', 'main', 'menu')],
    outbound: [bot('Connecting you', 'main')],
    patch: { status: 'queued', queue: 'sales', handoffReason: 'notUnderstood', handoffAt: at(15, 0) },
  });
  const d = await store.findConversation('whatsapp', 'pn-1', '4915112345678');
  if (!d) throw new Error('no conversation D');
  await commit(d.id, at(15, 20), { patch: { status: 'bot', queue: null, handoffReason: null, handoffAt: null } });

  // E
  await turn('77011234567', 'human please', at(16, 0), {
    events: [handoff('support', 'flow')],
    patch: { status: 'queued', queue: 'support', handoffReason: 'flow', handoffAt: at(16, 0) },
  });

  // F
  await turn('79031112233', 'menu', at(17, 0), { events: [start('main'), visit('main', 'start', 'start'), visit('main', 'menu', 'message')] });
  await turn('79031112233', 'faq', at(18, 0), {
    events: [start('faq'), visit('faq', 'start', 'start'), visit('faq', 'answer', 'message'), visit('faq', 'end', 'end'), { type: 'flow.end', flowId: 'faq', nodeId: null, data: {} }],
  });
}
