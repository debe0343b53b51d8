import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_FLOWS_DIR } from '../../server/src/createSwitchboard.js';
import { startFakeCloudApi, type FakeCloudApi } from '../../server/src/channels/whatsapp/testing/fakeCloudApi.js';
import { fixtureJson } from '../../server/src/channels/whatsapp/testing/fixtures.js';
import { ADMIN, clockFrom, startTestServer, textWebhook, waitFor, type TestServer } from '../support/testServer.js';
import { signIn, type ApiClient, type Loose } from '../support/apiClient.js';
import { sentMessages, type SentMessage } from './cloudBodies.js';

// The example flows, published on first start, with customers on WhatsApp (signed webhooks in, a fake
// Cloud API out) while an analyst republishes through the designer's REST API.

/** Tuesday 24 November 2026, 11:00 in Moscow: inside opening hours. */
const START_MS = Date.parse('2026-11-24T11:00:00+03:00');
const BUSINESS_NUMBER = '100000000000001';

const NOTICE = {
  en: "We've just updated this part of our chat, so let's pick it up from the start.",
  ru: 'Мы только что обновили этот раздел чата, поэтому начнём его сначала.',
};
const ASK_ORDER = {
  en: 'Please send your order number. It looks like ORD-5521; the 4 digits alone are fine too.',
  ru: 'Пришлите, пожалуйста, номер заказа. Он выглядит так: ORD-5521, можно только 4 цифры.',
};

let fake: FakeCloudApi;
let server: TestServer;
let analyst: ApiClient;
/** The server's clock: real speed from START_MS, plus whatever a test moves it on by. */
let movedOnMs = 0;
const realSpeed = clockFrom(START_MS);
const clock = () => realSpeed() + movedOnMs;
let nextWamid = 0;

beforeAll(async () => {
  fake = await startFakeCloudApi();
});
afterAll(async () => {
  await fake.close();
});

/** A server of its own for each group of tests, with the example flows as first published. */
function withServer(): void {
  beforeAll(async () => {
    server = await startTestServer({ cloudApiUrl: fake.url, clock, flowsDir: REPO_FLOWS_DIR });
    analyst = await signIn(server.url, ADMIN);
  });
  afterAll(async () => {
    await server.close({ cleanup: true });
  });
}

const repliesTo = (phone: string): SentMessage[] => sentMessages(fake.requests).filter((m) => m.to === `+${phone}`);
const shown = (messages: SentMessage[]) => messages.map((m) => ({ text: m.text, buttons: m.buttons }));

async function conversationOf(phone: string) {
  const conversation = await server.store.findConversation('whatsapp', BUSINESS_NUMBER, phone);
  if (!conversation) throw new Error(`no conversation with ${phone}`);
  return conversation;
}

/** Resolves once every message of the customer is processed and every reply has left the outbox. */
async function settled(phone: string): Promise<void> {
  await waitFor(async () => {
    const conversation = await server.store.findConversation('whatsapp', BUSINESS_NUMBER, phone);
    if (!conversation) return false;
    const messages = await server.store.listMessages(conversation.id);
    return messages.every((m) => (m.direction === 'in' ? m.state === 'processed' : m.state !== 'queued' && m.state !== 'sending'));
  }, { what: `${phone}'s conversation to settle` });
}

/** Delivers one webhook from the customer and answers what the bot sent back to it. */
async function exchange(phone: string, body: object): Promise<SentMessage[]> {
  const before = repliesTo(phone).length;
  expect((await server.postWebhook(body)).status).toBe(200);
  await settled(phone);
  return repliesTo(phone).slice(before);
}

function says(phone: string, text: string): Promise<SentMessage[]> {
  nextWamid += 1;
  return exchange(phone, textWebhook({ from: phone, wamid: `wamid.republish.${nextWamid}`, text, timestampSec: Math.floor(clock() / 1000), name: 'Sam' }));
}

/** The customer taps a reply button, in the shape of Meta's button_reply webhook. */
function presses(phone: string, button: { id: string; title: string }): Promise<SentMessage[]> {
  nextWamid += 1;
  const body: Loose = fixtureJson('interactive_button_reply');
  const value = body.entry[0].changes[0].value;
  value.contacts[0].wa_id = phone;
  Object.assign(value.messages[0], { from: phone, id: `wamid.republish.${nextWamid}`, timestamp: String(Math.floor(clock() / 1000)) });
  value.messages[0].interactive.button_reply = button;
  return exchange(phone, body);
}

/**
 * The analyst saves an edit of the flow as first published as its draft and publishes it, as the
 * designer does (so each test's edit stands alone); answers the new version.
 */
async function republish(flowId: string, edit: (doc: Loose) => Loose): Promise<number> {
  const [current, first] = await Promise.all([analyst.get(`/api/flows/${flowId}`), analyst.get(`/api/flows/${flowId}/versions/1`)]);
  const saved = await analyst.put(`/api/flows/${flowId}`, { draft: edit(first.body.version.doc), revision: current.body.flow.revision });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  const published = await analyst.post(`/api/flows/${flowId}/publish`, {});
  expect(published.status, JSON.stringify(published.body)).toBe(200);
  return published.body.version.version;
}

async function publishedVersion(flowId: string): Promise<number> {
  return (await analyst.get(`/api/flows/${flowId}`)).body.flow.publishedVersion;
}

async function republishedEvents(phone: string) {
  const conversation = await conversationOf(phone);
  return server.store.listEvents({ conversationId: conversation.id, type: 'flow.republished' });
}

/** A customer who has asked for their order and now waits at the order-number question. */
async function waitingForOrderNumber(phone: string, locale: 'en' | 'ru'): Promise<void> {
  const replies = await says(phone, locale === 'en' ? 'where is my order' : 'где мой заказ');
  expect(replies.at(-1)?.text).toBe(ASK_ORDER[locale]);
}

/** Renames a node id in a flow document: the node itself and both ends of its edges. */
function renameNode(doc: Loose, from: string, to: string): Loose {
  const rename = (id: string) => (id === from ? to : id);
  return {
    ...doc,
    nodes: doc.nodes.map((n: Loose) => ({ ...n, id: rename(n.id) })),
    edges: doc.edges.map((e: Loose) => ({ ...e, id: e.id.split(from).join(to), source: rename(e.source), target: rename(e.target) })),
  };
}

describe('republishing a flow while customers wait in it', () => {
  withServer();

  it('answers customers waiting at a question exactly as before when a republish only reorders and moves nodes', async () => {
    const controls = { en: '15557100001', ru: '15557100002' };
    const waiting = { en: '15557100011', ru: '15557100012' };
    const answer = { en: 'my order is ORD-8842', ru: 'заказ 7310' };
    for (const locale of ['en', 'ru'] as const) await waitingForOrderNumber(controls[locale], locale);
    const expected = { en: await says(controls.en, answer.en), ru: await says(controls.ru, answer.ru) };
    for (const locale of ['en', 'ru'] as const) await waitingForOrderNumber(waiting[locale], locale);

    await republish('order-tracking', (doc) => ({
      ...doc,
      nodes: [...doc.nodes].reverse().map((n: Loose) => ({ ...n, position: { x: n.position.y + 40, y: n.position.x + 40 } })),
      edges: [...doc.edges].reverse(),
    }));
    const [en, ru] = await Promise.all([says(waiting.en, answer.en), says(waiting.ru, answer.ru)]);

    expect(expected.en.map((m) => m.text)).toEqual(['📦 ORD-8842 has been shipped with CDEK. Tracking number: 1234567890. Expected delivery: 2026-11-27.', 'Anything else I can help with?']);
    expect(expected.ru.map((m) => m.text)).toEqual([
      '💳 Заказ ORD-7310 ожидает оплаты (4 990 ₽). Оплатить можно по ссылке: https://shop.example/pay/ORD-7310\nМы отправим заказ сразу после оплаты.',
      'Чем ещё могу помочь?',
    ]);
    expect(shown(en)).toEqual(shown(expected.en));
    expect(shown(ru)).toEqual(shown(expected.ru));
    expect([...(await republishedEvents(waiting.en)), ...(await republishedEvents(waiting.ru))]).toEqual([]);
  });

  it("gives the flow-changed notice in the customer's language and restarts the flow with their message when the question they wait at was deleted", async () => {
    const phone = '15557100021';
    await waitingForOrderNumber(phone, 'ru');
    const before = await publishedVersion('order-tracking');
    const version = await republish('order-tracking', (doc) => renameNode(doc, 'askId', 'askOrderNumber'));

    const replies = await says(phone, 'Мой номер заказа 5521');

    expect(replies.map((m) => m.text)).toEqual([
      NOTICE.ru,
      '🚚 Заказ ORD-5521 уже у курьера. Он привезёт его сегодня в интервале 14:00–16:00.',
      'Чем ещё могу помочь?',
    ]);
    expect(await republishedEvents(phone)).toEqual([
      expect.objectContaining({ flowId: 'order-tracking', nodeId: 'askId', data: { outcome: 'restarted', fromVersion: String(before), toVersion: String(version) } }),
    ]);
  });

  it('gives the notice and restarts the flow when the node the customer waits at changed type', async () => {
    const phone = '15557100031';
    await waitingForOrderNumber(phone, 'en');
    const answered = await says(phone, '5521');
    expect(answered.at(-1)).toMatchObject({ text: 'Anything else I can help with?', buttons: ['Another order', 'Main menu', 'No, thanks'] });
    // The buttons message the customer is looking at becomes a question, with the same id.
    await republish('order-tracking', (doc) => {
      const ask = doc.nodes.find((n: Loose) => n.id === 'askId');
      return {
        ...doc,
        nodes: doc.nodes.map((n: Loose) =>
          n.id === 'after' ? { ...n, type: 'ask', data: { ...ask.data, prompt: { en: 'Anything else? Send another order number.', ru: 'Что-нибудь ещё? Пришлите другой номер заказа.' } } } : n,
        ),
        edges: [
          ...doc.edges.filter((e: Loose) => e.source !== 'after'),
          { id: 'after:valid->lookup', source: 'after', sourceHandle: 'valid', target: 'lookup' },
          { id: 'after:invalid->bye', source: 'after', sourceHandle: 'invalid', target: 'bye' },
        ],
      };
    });

    const replies = await presses(phone, { id: 'another', title: 'Another order' });

    expect(replies.map((m) => m.text)).toEqual([NOTICE.en, ASK_ORDER.en]);
    expect(await republishedEvents(phone)).toEqual([expect.objectContaining({ nodeId: 'after', data: expect.objectContaining({ outcome: 'restarted' }) })]);
  });

  it("continues the conversation without a notice when only the flow's name changed", async () => {
    const phone = '15557100041';
    await waitingForOrderNumber(phone, 'en');
    await republish('order-tracking', (doc) => ({ ...doc, name: 'Where is my order' }));
    expect((await analyst.get('/api/flows/order-tracking')).body.flow.name).toBe('Where is my order');

    const replies = await says(phone, 'ORD-7310');

    expect(replies.map((m) => m.text)).toEqual([
      "💳 ORD-7310 is waiting for payment (4 990 ₽). You can pay here: https://shop.example/pay/ORD-7310\nWe'll ship it as soon as the payment arrives.",
      'Anything else I can help with?',
    ]);
    expect(await republishedEvents(phone)).toEqual([]);
  });
});

describe('deleting a flow while customers wait in it', () => {
  withServer();

  it('refuses to delete a flow that published flows still need, and the customers in it carry on', async () => {
    const phone = '15557100061';
    await waitingForOrderNumber(phone, 'en');

    const refused = await analyst.delete('/api/flows/order-tracking');

    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('flow/in-use');
    expect(refused.body.error.details.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'flow/unknown-jump-target', flowId: 'main-menu', nodeId: 'toOrder' }),
        expect.objectContaining({ code: 'flow/unknown-jump-target', flowId: 'faq', nodeId: 'toOrder' }),
        expect.objectContaining({ code: 'flow/unknown-intent', flowId: 'main-menu', nodeId: 'understand' }),
      ]),
    );
    expect((await analyst.get('/api/flows/order-tracking')).status).toBe(200);
    expect((await says(phone, '5521')).map((m) => m.text)).toEqual(['🚚 ORD-5521 is out for delivery. The courier will bring it today between 14:00–16:00.', 'Anything else I can help with?']);
  });

  it('gives the notice and then the main menu when the flow was deleted', async () => {
    const phone = '15557100051';
    await waitingForOrderNumber(phone, 'en');
    // Orders go to a person from now on: the menus' jumps lead there and stop asking for the order
    // intent, which only the order flow declares; then the flow can go.
    const toPeople = (doc: Loose) => {
      const dropped = new Set<string>();
      const nodes = doc.nodes.map((n: Loose) => {
        if (n.type === 'jump' && n.data.flowId === 'order-tracking') return { ...n, data: { label: 'Orders: talk to a person', flowId: 'talk-to-person' } };
        if (n.type !== 'route') return n;
        const rules = n.data.rules.filter((r: Loose) => !(r.kind === 'intent' && r.intent === 'order.status') || !dropped.add(`${n.id}:${r.id}`));
        return { ...n, data: { ...n.data, rules } };
      });
      return { ...doc, nodes, edges: doc.edges.filter((e: Loose) => !dropped.has(`${e.source}:${e.sourceHandle}`)) };
    };
    await republish('main-menu', toPeople);
    await republish('faq', toPeople);
    expect((await analyst.delete('/api/flows/order-tracking')).status).toBe(204);
    expect((await analyst.get('/api/flows')).body.flows.map((f: Loose) => f.id)).not.toContain('order-tracking');

    const replies = await says(phone, 'ORD-5521');

    expect(replies.map((m) => m.text)).toEqual([NOTICE.en, 'How can I help you today? Choose an option below, or just tell me what you need.']);
    expect(await republishedEvents(phone)).toEqual([
      expect.objectContaining({ flowId: 'order-tracking', nodeId: 'askId', data: { outcome: 'flowRemoved', fromVersion: '1', toVersion: null } }),
    ]);
  });
});

/** A flow that asks for a word about the visit and nudges the customer once if none comes in 10 minutes. */
const CHECK_IN = {
  schemaVersion: 1,
  id: 'check-in',
  name: 'Visit check-in',
  locales: ['en'],
  triggers: { keywords: { en: ['feedback'] } },
  nodes: [
    { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
    { id: 'howWasIt', type: 'message', position: { x: 300, y: 0 }, data: { text: { en: 'How was your visit today? Tell me in a few words.' } } },
    { id: 'waitReply', type: 'wait', position: { x: 600, y: 0 }, data: { minutes: 10 } },
    { id: 'thanks', type: 'message', position: { x: 900, y: 0 }, data: { text: { en: 'Thank you, we read every answer.' } } },
    { id: 'nudge', type: 'message', position: { x: 900, y: 200 }, data: { text: { en: 'Still there? A few words about your visit help us a lot.' } } },
  ],
  edges: [
    { id: 'start:next->howWasIt', source: 'start', sourceHandle: 'next', target: 'howWasIt' },
    { id: 'howWasIt:next->waitReply', source: 'howWasIt', sourceHandle: 'next', target: 'waitReply' },
    { id: 'waitReply:reply->thanks', source: 'waitReply', sourceHandle: 'reply', target: 'thanks' },
    { id: 'waitReply:timeout->nudge', source: 'waitReply', sourceHandle: 'timeout', target: 'nudge' },
  ],
};
const TEN_MINUTES = 10 * 60_000;

describe('a timer set under the old version of a flow', () => {
  withServer();
  beforeAll(async () => {
    // No example flow waits on a timer, so the analyst adds one.
    expect((await analyst.post('/api/flows', { flow: CHECK_IN })).status).toBe(201);
    expect((await analyst.post('/api/flows/check-in/publish', {})).status).toBe(200);
  });

  it('still sends the nudge to each customer waiting when due after a republish that only reorders and moves nodes', async () => {
    const phones = ['15557100071', '15557100072'];
    for (const phone of phones) expect((await says(phone, 'feedback')).at(-1)?.text).toBe('How was your visit today? Tell me in a few words.');
    await republish('check-in', (doc) => ({ ...doc, nodes: [...doc.nodes].reverse().map((n: Loose) => ({ ...n, position: { x: n.position.y, y: n.position.x } })) }));

    movedOnMs += TEN_MINUTES;
    const nudged = (phone: string) => repliesTo(phone).filter((m) => m.text === 'Still there? A few words about your visit help us a lot.');
    await waitFor(() => phones.every((phone) => nudged(phone).length > 0), { what: 'both nudges' });
    for (const phone of phones) await settled(phone);

    for (const phone of phones) {
      expect(nudged(phone)).toHaveLength(1);
      expect(await republishedEvents(phone)).toEqual([]);
    }
  });

  it('drops the timer of a wait node the republish removed, and the next message gets the notice', async () => {
    const phone = '15557100081';
    await says(phone, 'feedback');
    const conversation = await conversationOf(phone);
    const sent = repliesTo(phone).length;
    await republish('check-in', (doc) => ({
      ...doc,
      nodes: doc.nodes.filter((n: Loose) => n.id === 'start' || n.id === 'howWasIt'),
      edges: doc.edges.filter((e: Loose) => e.source === 'start'),
    }));

    movedOnMs += TEN_MINUTES;
    expect(await server.store.dueTimers(conversation.id, clock())).toHaveLength(1);
    await waitFor(async () => (await server.store.dueTimers(conversation.id, clock())).length === 0, { what: 'the timer to be handled' });
    await settled(phone);

    expect((await server.store.listMessages(conversation.id)).filter((m) => m.direction === 'out')).toHaveLength(sent);
    expect(repliesTo(phone)).toHaveLength(sent);
    // Nothing restarted yet, so nothing is counted yet: the event belongs to the restart.
    expect(await republishedEvents(phone)).toEqual([]);

    const replies = await says(phone, 'The staff were lovely');

    expect(replies.map((m) => m.text)).toEqual([NOTICE.en, 'How was your visit today? Tell me in a few words.']);
    expect(await republishedEvents(phone)).toEqual([
      expect.objectContaining({ flowId: 'check-in', nodeId: 'waitReply', data: expect.objectContaining({ outcome: 'restarted' }) }),
    ]);
  });
});
