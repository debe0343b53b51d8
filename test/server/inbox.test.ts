import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeCloudApi, type FakeCloudApi } from '../../server/src/channels/whatsapp/testing/fakeCloudApi.js';
import { ADMIN, clockFrom, FIXTURE_EPOCH_MS, startTestServer, textWebhook, waitFor, type TestServer } from '../support/testServer.js';
import { clientWith, createUserAndSignIn, signIn, type ApiClient } from '../support/apiClient.js';
import { sentMessages } from './cloudBodies.js';

let fake: FakeCloudApi;
let server: TestServer;
let admin: ApiClient;
let ann: ApiClient;
let bob: ApiClient;
let annId: string;
let bobId: string;
let nextWamid = 0;

const clock = clockFrom(FIXTURE_EPOCH_MS + 5_000);
const nowSec = () => Math.floor(clock() / 1000);
const repliesTo = (to: string) => sentMessages(fake.requests).filter((m) => m.to === `+${to}` || m.to === to);

beforeAll(async () => {
  fake = await startFakeCloudApi();
  server = await startTestServer({ cloudApiUrl: fake.url, clock, env: { WHATSAPP_PHONE_NUMBER_ID: '100000000000001' } });
  admin = await signIn(server.url, ADMIN);
  ({ client: ann, id: annId } = await createUserAndSignIn(admin, server.url, { email: 'ann@example.com', name: 'Ann', role: 'operator' }));
  ({ client: bob, id: bobId } = await createUserAndSignIn(admin, server.url, { email: 'bob@example.com', name: 'Bob', role: 'operator' }));
});
afterAll(async () => {
  await server.close({ cleanup: true });
  await fake.close();
});

/** A customer writes; resolves once the processor has handled the message. */
async function customerSays(from: string, text: string, timestampSec = nowSec()): Promise<string> {
  nextWamid += 1;
  await server.postWebhook(textWebhook({ from, wamid: `wamid.inbox.${nextWamid}`, text, timestampSec }));
  return waitFor(async () => {
    const c = await server.store.findConversation('whatsapp', '100000000000001', from);
    if (!c) return undefined;
    const pending = await server.store.nextPendingInbound(c.id);
    return pending ? undefined : c.id;
  }, { what: `"${text}" processed` });
}

/** A customer asks for a person; returns the queued conversation's id. */
async function queued(from: string, timestampSec?: number): Promise<string> {
  const id = await customerSays(from, 'operator', timestampSec);
  expect((await server.store.getConversation(id))?.status).toBe('queued');
  return id;
}

describe('handoff and the inbox', () => {
  it('lists a conversation the bot handed over in the queue, with the reason, team and wait time', async () => {
    const id = await queued('15551110001');
    const list = await ann.get('/api/inbox/conversations?view=queue');
    expect(list.status).toBe(200);
    const item = list.body.conversations.find((c: { id: string }) => c.id === id);
    expect(item).toMatchObject({ status: 'queued', queue: 'support', handoffReason: 'requested', customerId: '15551110001' });
    expect(item.waitMs).toBeGreaterThanOrEqual(0);
    expect((await ann.get('/api/inbox/conversations?view=queue&queue=sales')).body.conversations.some((c: { id: string }) => c.id === id)).toBe(false);
  });

  it('previews what the customer wrote, not the bot\'s reply to it, in the list', async () => {
    const from = '15551110090';
    const id = await customerSays(from, 'I want a human, my parcel never came');
    expect((await server.store.getConversation(id))?.status).toBe('queued');
    const messages = await server.store.listMessages(id);
    // The bot answered last (it tells the customer a person will reply): the list still shows the customer.
    expect(messages.at(-1)?.sender).toBe('bot');
    const row = (await ann.get('/api/inbox/conversations?view=queue')).body.conversations.find((c: { id: string }) => c.id === id);
    expect(row.preview).toBe('I want a human, my parcel never came');
    // Once an operator has answered, the answer is the latest word and shows.
    await ann.post(`/api/inbox/conversations/${id}/claim`);
    await ann.post(`/api/inbox/conversations/${id}/reply`, { text: 'Calling you in five minutes.' });
    const mine = (await ann.get('/api/inbox/conversations?view=mine')).body.conversations.find((c: { id: string }) => c.id === id);
    expect(mine.preview).toBe('Calling you in five minutes.');
  });

  it('lets one operator claim a queued conversation and answers 409 to the second', async () => {
    const id = await queued('15551110002');
    const [a, b] = await Promise.all([ann.post(`/api/inbox/conversations/${id}/claim`), bob.post(`/api/inbox/conversations/${id}/claim`)]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body.error.code).toBe('inbox/already-claimed');
    const winner = a.status === 200 ? annId : bobId;
    expect((await server.store.getConversation(id))?.assigneeId).toBe(winner);
    expect((await ann.post(`/api/inbox/conversations/${id}/claim`)).status).toBe(winner === annId ? 200 : 409);
  });

  it('keeps the bot quiet while a person holds the conversation', async () => {
    const from = '15551110003';
    const id = await queued(from);
    await ann.post(`/api/inbox/conversations/${id}/claim`);
    const before = repliesTo(from).length;
    await customerSays(from, 'hello');
    await new Promise((r) => setTimeout(r, 200));
    expect(repliesTo(from).length).toBe(before);
    const view = await ann.get(`/api/inbox/conversations/${id}`);
    expect(view.body.history.at(-1)).toMatchObject({ kind: 'message', direction: 'in', text: 'hello' });
  });

  it('sends an operator reply through the outbox, refuses another operator, and keeps notes unsent', async () => {
    const from = '15551110004';
    const id = await queued(from);
    await ann.post(`/api/inbox/conversations/${id}/claim`);
    expect((await bob.post(`/api/inbox/conversations/${id}/reply`, { text: 'me too' })).body.error.code).toBe('inbox/not-yours');
    const sent = await ann.post(`/api/inbox/conversations/${id}/reply`, { text: 'Hi, Ann here.' });
    expect(sent.status).toBe(202);
    await waitFor(() => repliesTo(from).find((m) => m.text === 'Hi, Ann here.'), { what: 'the operator reply at the Cloud API' });
    expect((await ann.post(`/api/inbox/conversations/${id}/notes`, { text: 'VIP, be nice' })).status).toBe(201);
    await new Promise((r) => setTimeout(r, 150));
    expect(repliesTo(from).some((m) => m.text.includes('VIP'))).toBe(false);
    const view = await ann.get(`/api/inbox/conversations/${id}`);
    const reply = view.body.history.find((h: { text: string }) => h.text === 'Hi, Ann here.');
    expect(reply).toMatchObject({ sender: 'operator', operatorId: annId });
    expect(['sent', 'delivered', 'read']).toContain(reply.state);
    expect(view.body.history.at(-1)).toMatchObject({ kind: 'note', text: 'VIP, be nice', operatorId: annId });
    expect(view.body.window.open).toBe(true);
    expect(view.body.contact).toMatchObject({ phone: `+${from}`, consent: { state: 'unknown' } });
  });

  it('refuses free text outside the 24-hour window and sends an approved template only to an opted-in contact', async () => {
    const from = '15551110005';
    const id = await queued(from, nowSec() - 2 * 86_400);
    await ann.post(`/api/inbox/conversations/${id}/claim`);
    const text = await ann.post(`/api/inbox/conversations/${id}/reply`, { text: 'still there?' });
    expect(text.status).toBe(409);
    expect(text.body.error.code).toBe('inbox/window-closed');
    expect((await admin.post('/api/templates', { name: 'follow_up', language: 'en', category: 'UTILITY', body: 'Hi {{1}}, any news?' })).status).toBe(201);
    const template = { template: { name: 'follow_up', language: 'en', parameters: ['Sam'] } };
    expect((await ann.post(`/api/inbox/conversations/${id}/reply`, template)).body.error.code).toBe('consent/not-opted-in');
    expect((await ann.post(`/api/inbox/conversations/${id}/reply`, { template: { ...template.template, parameters: [] } })).body.error.code).toBe('template/parameters');
    expect((await ann.post(`/api/inbox/conversations/${id}/consent`, { state: 'in' })).status).toBe(200);
    expect((await ann.post(`/api/inbox/conversations/${id}/reply`, template)).status).toBe(202);
    await waitFor(() => fake.requests.find((r) => JSON.stringify(r.body).includes('follow_up')), { what: 'the template at the Cloud API' });
  });

  it('transfers to another operator or back to a team, and only the holder may', async () => {
    const id = await queued('15551110006');
    await ann.post(`/api/inbox/conversations/${id}/claim`);
    expect((await bob.post(`/api/inbox/conversations/${id}/transfer`, { queue: 'sales' })).body.error.code).toBe('inbox/not-yours');
    expect((await ann.post(`/api/inbox/conversations/${id}/transfer`, { operatorId: 'nobody' })).body.error.code).toBe('inbox/unknown-operator');
    const toBob = await ann.post(`/api/inbox/conversations/${id}/transfer`, { operatorId: bobId });
    expect(toBob.body.conversation).toMatchObject({ status: 'assigned', assigneeId: bobId });
    const toSales = await bob.post(`/api/inbox/conversations/${id}/transfer`, { queue: 'sales' });
    expect(toSales.body.conversation).toMatchObject({ status: 'queued', assigneeId: null, queue: 'sales' });
    expect((await ann.get('/api/inbox/conversations?view=queue&queue=sales')).body.conversations.map((c: { id: string }) => c.id)).toContain(id);
  });

  it('resolves a conversation; the next message goes to the bot again', async () => {
    const from = '15551110007';
    const id = await queued(from);
    await ann.post(`/api/inbox/conversations/${id}/claim`);
    expect((await ann.post(`/api/inbox/conversations/${id}/resolve`)).body.conversation.status).toBe('closed');
    expect((await ann.post(`/api/inbox/conversations/${id}/resolve`)).body.error.code).toBe('inbox/not-open');
    const before = repliesTo(from).length;
    await customerSays(from, 'hello');
    await waitFor(() => repliesTo(from).length > before, { what: 'the bot answering after resolve' });
    expect((await server.store.getConversation(id))?.status).toBe('bot');
  });

  it('returns a conversation to the bot at a chosen flow, and the bot answers the next message there', async () => {
    const from = '15551110008';
    const id = await queued(from);
    await ann.post(`/api/inbox/conversations/${id}/claim`);
    expect((await ann.post(`/api/inbox/conversations/${id}/return`, { flowId: 'nope' })).body.error.code).toBe('inbox/unknown-flow');
    const back = await ann.post(`/api/inbox/conversations/${id}/return`, { flowId: 'echo' });
    expect(back.body.conversation).toMatchObject({ status: 'bot', assigneeId: null });
    await waitFor(() => repliesTo(from).find((m) => m.text === 'Say something'), { what: 'the echo flow prompt' });
    await customerSays(from, 'parrot');
    await waitFor(() => repliesTo(from).find((m) => m.text === 'echo: parrot'), { what: 'the bot answering in the chosen flow' });
  });

  it('labels a conversation and filters the list by label; default labels exist', async () => {
    const labels = await ann.get('/api/labels');
    expect(labels.body.items.map((l: { name: string }) => l.name)).toEqual(expect.arrayContaining(['New customer', 'New order', 'Awaiting payment', 'Paid', 'Order complete']));
    const id = await queued('15551110009');
    const labelled = await ann.post(`/api/inbox/conversations/${id}/labels`, { add: ['Paid', 'New order'] });
    expect(labelled.body.conversation.labels).toEqual(['Paid', 'New order']);
    await ann.post(`/api/inbox/conversations/${id}/labels`, { remove: ['New order'] });
    const list = await ann.get(`/api/inbox/conversations?label=${encodeURIComponent('Paid')}`);
    expect(list.body.conversations.map((c: { id: string }) => c.id)).toEqual([id]);
  });

  it('keeps 60 quick replies and expands {{name}} variables when replying with one', async () => {
    for (let i = 0; i < 60; i += 1) expect((await ann.post('/api/quick-replies', { shortcut: `qr${i}`, text: `Answer ${i} for {{name}}` })).status).toBe(201);
    expect((await ann.post('/api/quick-replies', { shortcut: 'qr1', text: 'again' })).body.error.code).toBe('quickReply/duplicate');
    expect((await ann.get('/api/quick-replies')).body.items).toHaveLength(60);
    const from = '15551110010';
    const id = await queued(from);
    await ann.post(`/api/inbox/conversations/${id}/claim`);
    const expanded = await ann.get(`/api/inbox/conversations/${id}/quick-replies`);
    expect(expanded.body.quickReplies.find((q: { shortcut: string }) => q.shortcut === 'qr7').expanded).toBe('Answer 7 for Customer');
    expect((await ann.post(`/api/inbox/conversations/${id}/reply`, { quickReply: '/qr7' })).status).toBe(202);
    await waitFor(() => repliesTo(from).find((m) => m.text === 'Answer 7 for Customer'), { what: 'the expanded quick reply' });
  });

  it('records opt-out when the customer writes STOP or СТОП, and opt-in with START', async () => {
    const from = '15551110011';
    await customerSays(from, 'STOP');
    expect((await server.store.getConsent('whatsapp', '100000000000001', from))?.state).toBe('out');
    await waitFor(() => repliesTo(from).find((m) => m.text.includes('START')), { what: 'the opt-out confirmation' });
    await customerSays(from, 'старт');
    expect((await server.store.getConsent('whatsapp', '100000000000001', from))).toMatchObject({ state: 'in', source: 'customer' });
    await customerSays(from, 'Стоп!');
    expect((await server.store.getConsent('whatsapp', '100000000000001', from))?.state).toBe('out');
  });
});

describe('users and roles', () => {
  it('invites with a one-time password, resets it, changes the role and disables', async () => {
    const invited = await admin.post('/api/users', { email: 'new@example.com', name: 'New', role: 'analyst' });
    expect(invited.status).toBe(201);
    expect(invited.body.oneTimePassword).toMatch(/^.{12,}$/);
    expect(JSON.stringify((await admin.get('/api/users')).body)).not.toContain('passwordHash');
    const newbie = await signIn(server.url, { email: 'new@example.com', password: invited.body.oneTimePassword });
    expect((await newbie.get('/api/auth/me')).body.user.role).toBe('analyst');
    expect((await admin.post('/api/users', { email: 'new@example.com', name: 'Dup', role: 'analyst' })).body.error.code).toBe('users/duplicate-email');
    const id = invited.body.user.id;
    expect((await admin.put(`/api/users/${id}`, { role: 'operator' })).body.user.role).toBe('operator');
    expect((await newbie.get('/api/inbox/conversations')).status).toBe(200);
    await admin.put(`/api/users/${id}`, { disabled: true });
    expect((await newbie.get('/api/auth/me')).status).toBe(401);
    const reset = await admin.post(`/api/users/${id}/password`, {});
    expect(reset.body.oneTimePassword).toBeTruthy();
    const me = (await admin.get('/api/auth/me')).body.user.id;
    expect((await admin.put(`/api/users/${me}`, { disabled: true })).body.error.code).toBe('users/self');
  });
});

describe('notifications', () => {
  it('needs an API key, an approved template and an opted-in contact, and the reply lands in the chosen flow', async () => {
    const to = '15551110020';
    const body = { to: `+${to}`, template: { name: 'order_shipped', language: 'en', parameters: ['ORD-1234'] }, replyFlow: { flowId: 'echo', nodeId: 'ask' } };
    expect((await clientWith(server.url, {}).post('/api/notifications', body)).status).toBe(401);
    const key = (await admin.post('/api/api-keys', { name: 'shop' })).body.secret as string;
    const system = clientWith(server.url, { authorization: `Bearer ${key}` });
    expect((await system.post('/api/notifications', body)).body.error.code).toBe('template/unknown');
    await admin.post('/api/templates', { name: 'order_shipped', language: 'en', category: 'UTILITY', body: 'Order {{1}} has shipped. Anything to add?', status: 'pending' });
    expect((await system.post('/api/notifications', body)).body.error.code).toBe('template/not-approved');
    const template = (await admin.get('/api/templates')).body.items.find((t: { name: string }) => t.name === 'order_shipped');
    await admin.put(`/api/templates/${template.id}`, { name: 'order_shipped', language: 'en', category: 'UTILITY', body: 'Order {{1}} has shipped. Anything to add?' });
    const refused = await system.post('/api/notifications', body);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'consent/not-opted-in', message: expect.stringContaining('opted in') });
    expect((await system.post('/api/notifications/consent', { to, state: 'in', source: 'checkout form' })).status).toBe(200);
    const sent = await system.post('/api/notifications', body);
    expect(sent.status).toBe(202);
    await waitFor(() => fake.requests.find((r) => JSON.stringify(r.body).includes('order_shipped')), { what: 'the template at the Cloud API' });
    const tracked = await waitFor(async () => {
      const status = await system.get(`/api/notifications/${sent.body.notification.id}`);
      return status.body.notification.state === 'sent' ? status.body.notification : undefined;
    }, { what: 'the notification marked sent' });
    expect(tracked.conversationId).toBe(sent.body.notification.conversationId);
    expect(repliesTo(to).some((m) => m.text === 'Say something')).toBe(false);
    await customerSays(to, 'leave it at the door');
    await waitFor(() => repliesTo(to).find((m) => m.text === 'echo: leave it at the door'), { what: 'the reply landing in the echo flow' });
  });

  it('refuses a contact who opted out, saying why', async () => {
    const key = (await admin.post('/api/api-keys', { name: 'crm' })).body.secret as string;
    const system = clientWith(server.url, { authorization: `Bearer ${key}` });
    await system.post('/api/notifications/consent', { to: '15551110011', state: 'out', source: 'crm' });
    const refused = await system.post('/api/notifications', { to: '15551110011', template: { name: 'order_shipped', language: 'en', parameters: ['1'] } });
    expect(refused.body.error.code).toBe('consent/opted-out');
  });
});
