import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeCloudApi, type FakeCloudApi } from '../../server/src/channels/whatsapp/testing/fakeCloudApi.js';
import { ADMIN, clockFrom, FIXTURE_EPOCH_MS, startTestServer, textWebhook, waitFor, type TestServer } from '../support/testServer.js';
import { createUserAndSignIn, signIn, type ApiClient } from '../support/apiClient.js';

let fake: FakeCloudApi;
let server: TestServer;
let admin: ApiClient;
const clock = clockFrom(FIXTURE_EPOCH_MS + 5_000);

beforeAll(async () => {
  fake = await startFakeCloudApi();
  server = await startTestServer({ cloudApiUrl: fake.url, clock });
  admin = await signIn(server.url, ADMIN);
});
afterAll(async () => {
  await server.close({ cleanup: true });
  await fake.close();
});

const askForPerson = async (from: string, n: number) => {
  await server.postWebhook(textWebhook({ from, wamid: `wamid.auto.${from}.${n}`, text: 'operator', timestampSec: Math.floor(clock() / 1000) }));
  return waitFor(async () => {
    const c = await server.store.findConversation('whatsapp', '100000000000001', from);
    return c && c.status !== 'bot' ? c.id : undefined;
  }, { what: `${from} handed over` });
};
const assignees = async (ids: string[]) => Promise.all(ids.map(async (id) => (await server.store.getConversation(id))?.assigneeId ?? null));

describe('auto-assignment', () => {
  it('hands queued conversations round-robin to online operators, never past their capacity', async () => {
    expect((await admin.put('/api/settings/inbox', { autoAssign: true, capacity: 2 })).status).toBe(200);
    const ann = await createUserAndSignIn(admin, server.url, { email: 'ann@example.com', name: 'Ann', role: 'operator' });
    const bob = await createUserAndSignIn(admin, server.url, { email: 'bob@example.com', name: 'Bob', role: 'operator' });
    const carl = await createUserAndSignIn(admin, server.url, { email: 'carl@example.com', name: 'Carl', role: 'operator' });
    void carl; // Carl never comes online, so he gets nothing.
    const first = await askForPerson('15553330001', 1);
    expect((await server.store.getConversation(first))?.status).toBe('queued');

    await ann.client.post('/api/inbox/heartbeat');
    await bob.client.post('/api/inbox/heartbeat');
    const ids = [first];
    for (let i = 2; i <= 6; i += 1) ids.push(await askForPerson(`1555333000${i}`, i));
    const settled = await waitFor(async () => {
      const now = await assignees(ids);
      return now.filter(Boolean).length === 4 ? now : undefined;
    }, { what: 'four conversations assigned' });
    const count = (id: string) => settled.filter((a) => a === id).length;
    expect(count(ann.id)).toBe(2);
    expect(count(bob.id)).toBe(2);
    expect(settled.filter((a) => a === null)).toHaveLength(2);

    // Resolving frees capacity: the longest-waiting queued conversation goes to that operator.
    const annFirst = ids[settled.indexOf(ann.id)] ?? '';
    await ann.client.post(`/api/inbox/conversations/${annFirst}/resolve`);
    await waitFor(async () => ((await assignees(ids)).filter((a) => a === ann.id).length === 2 ? true : undefined), { what: 'the freed slot refilled' });
    const statuses = await Promise.all(ids.map(async (id) => (await server.store.getConversation(id))?.status));
    expect(statuses.filter((s) => s === 'queued')).toHaveLength(1);
    expect(statuses.filter((s) => s === 'closed')).toHaveLength(1);
  });
});
