import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/src/auth/passwords.js';
import { startFakeCloudApi, type FakeCloudApi } from '../../server/src/channels/whatsapp/testing/fakeCloudApi.js';
import type { FlowStats } from '../../server/src/stats/getFlowStats.js';
import type { MessageStats } from '../../server/src/stats/getMessageStats.js';
import type { OperatorStats } from '../../server/src/stats/getOperatorStats.js';
import { seedStatsHistory } from '../../server/src/stats/testing/seedStatsHistory.js';
import { createEmbeddedStore } from '../../server/src/store/embedded/createEmbeddedStore.js';
import { clockFrom, startTestServer, type TestServer } from '../support/testServer.js';

let fake: FakeCloudApi;
let server: TestServer;
const cookies: Record<string, string> = {};
const PASSWORD = 'stats-password-123';

async function api(as: string, method: string, url: string, body?: unknown) {
  return fetch(`${server.url}${url}`, {
    method,
    headers: { 'content-type': 'application/json', 'x-requested-with': 'switchboard', cookie: cookies[as] ?? '' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

const RANGE = 'from=2025-03-10&to=2025-03-11';

interface ErrorBody {
  error: { code: string };
}
interface FlowBody {
  flow: { revision: number; draft: { intents: { examples: Record<string, string[]> }[] } };
}
/** The JSON body as the type the route documents. */
async function read<T>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

beforeAll(async () => {
  fake = await startFakeCloudApi();
  // The history is written before the server starts, as another process would have; the server's
  // clock stands before it, so the one message still queued is not yet due and nothing changes.
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sb-stats-'));
  const store = await createEmbeddedStore({ dataDir });
  await seedStatsHistory(store);
  const passwordHash = await hashPassword(PASSWORD);
  await store.createUser({ email: 'analyst@example.com', name: 'Ana', role: 'analyst', passwordHash, disabled: false }, 0);
  await store.createUser({ email: 'operator@example.com', name: 'Olga', role: 'operator', passwordHash, disabled: false }, 0);
  await store.close();
  server = await startTestServer({ cloudApiUrl: fake.url, dataDir, clock: clockFrom(Date.UTC(2025, 2, 1)) });
  for (const who of ['analyst', 'operator']) {
    const login = await api('', 'POST', '/api/auth/login', { email: `${who}@example.com`, password: PASSWORD });
    cookies[who] = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  }
});
afterAll(async () => {
  await server.close({ cleanup: true });
  await fake.close();
});

describe('GET /api/stats/*', () => {
  it('is for analysts and admins: operators get 403, strangers 401', async () => {
    expect((await api('operator', 'GET', `/api/stats/messages?${RANGE}`)).status).toBe(403);
    expect((await api('', 'GET', `/api/stats/messages?${RANGE}`)).status).toBe(401);
    expect((await api('analyst', 'GET', `/api/stats/messages?${RANGE}`)).status).toBe(200);
  });

  it('counts messages per local day of the zone asked for', async () => {
    const res = await api('analyst', 'GET', `/api/stats/messages?${RANGE}&tz=Europe/Moscow`);
    const stats = await read<MessageStats>(res);
    expect(stats.range).toEqual({ fromDay: '2025-03-10', toDay: '2025-03-11', timeZone: 'Europe/Moscow' });
    expect(stats.days).toEqual([
      { day: '2025-03-10', received: 10, created: 8, sent: 7, delivered: 7, read: 4, failed: 0 },
      { day: '2025-03-11', received: 1, created: 1, sent: 1, delivered: 0, read: 0, failed: 1 },
    ]);
    expect(stats.totals).toMatchObject({ sent: 8, delivered: 7, read: 4, deliveredRate: 0.875, readRate: 0.5714, templateReplies: 1 });
  });

  it('uses the business time zone from the bot settings by default', async () => {
    const current = await read<{ settings: { business: Record<string, unknown> } }>(await api('analyst', 'GET', '/api/settings/bot'));
    const put = await api('analyst', 'PUT', '/api/settings/bot', { ...current.settings, business: { ...current.settings.business, timeZone: 'Europe/Moscow' } });
    expect(put.status).toBe(200);
    const stats = await read<MessageStats>(await api('analyst', 'GET', `/api/stats/messages?${RANGE}`));
    expect(stats.range.timeZone).toBe('Europe/Moscow');
    expect(stats.days[1]).toMatchObject({ day: '2025-03-11', received: 1 });
  });

  it('exports a table as CSV', async () => {
    const res = await api('analyst', 'GET', `/api/stats/messages?${RANGE}&tz=UTC&format=csv&table=days`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toContain('messages-days-2025-03-10-2025-03-11.csv');
    expect(await res.text()).toBe('day,received,created,sent,delivered,read,failed\r\n2025-03-10,11,9,8,7,4,1\r\n2025-03-11,0,0,0,0,0,0\r\n');
    const bad = await api('analyst', 'GET', `/api/stats/messages?${RANGE}&format=csv&table=nope`);
    expect(bad.status).toBe(400);
    expect((await read<ErrorBody>(bad)).error.code).toBe('stats/unknown-table');
  });

  it('reports operators, teams, reasons and countries', async () => {
    const stats = await read<OperatorStats>(await api('analyst', 'GET', `/api/stats/operators?${RANGE}&tz=UTC`));
    expect(stats.totals).toMatchObject({ handoffs: 3, abandoned: 1, waiting: 1, firstResponse: { count: 1, medianMs: 180_000, p90Ms: 180_000 } });
    expect(stats.byOperator).toEqual([expect.objectContaining({ operatorId: 'op-1', chats: 1, missed: 0 })]);
    expect(stats.byCountry).toContainEqual({ country: 'RU', n: 2 });
    const csv = await (await api('analyst', 'GET', `/api/stats/operators?${RANGE}&tz=UTC&format=csv&table=reasons`)).text();
    expect(csv).toBe('reason,n\r\nflow,1\r\nnotUnderstood,1\r\nrequested,1\r\n');
  });

  it("gives one flow's nodes and edges for the editor overlay", async () => {
    const stats = await read<FlowStats>(await api('analyst', 'GET', `/api/stats/flows/main?${RANGE}&tz=UTC`));
    expect(stats.flows).toEqual([expect.objectContaining({ flowId: 'main', starts: 4, completions: 0 })]);
    expect(stats.edges).toContainEqual({ flowId: 'main', source: 'start', target: 'menu', n: 4 });
    expect(stats.nodes).toContainEqual(expect.objectContaining({ nodeId: 'ask', visits: 2, stopped: 1, dropOff: 1 }));
  });

  it('refuses a bad range with stats/bad-range', async () => {
    const res = await api('analyst', 'GET', '/api/stats/flows?from=2025-03-12&to=2025-03-10');
    expect(res.status).toBe(400);
    expect((await read<ErrorBody>(res)).error.code).toBe('stats/bad-range');
  });
});

describe('POST /api/stats/not-understood/examples', () => {
  it('adds the text to the intent in the draft of the flow that declares it, once', async () => {
    const flow = {
      schemaVersion: 1,
      id: 'parcels',
      name: 'Parcels',
      locales: ['en', 'ru'],
      intents: [{ name: 'track_parcel', examples: { en: ['track my parcel'], ru: ['где посылка'] } }],
      nodes: [{ id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} }],
      edges: [],
    };
    expect((await api('analyst', 'POST', '/api/flows', { flow })).status).toBe(201);
    const before = await read<FlowBody>(await api('analyst', 'GET', '/api/flows/parcels'));

    const res = await api('analyst', 'POST', '/api/stats/not-understood/examples', { intent: 'track_parcel', text: 'where is my parcel??' });
    expect(await read<unknown>(res)).toEqual({ flowId: 'parcels', revision: before.flow.revision + 1, added: true, locale: 'en' });
    const after = await read<FlowBody>(await api('analyst', 'GET', '/api/flows/parcels'));
    expect(after.flow.draft.intents[0]?.examples).toEqual({ en: ['track my parcel', 'where is my parcel??'], ru: ['где посылка'] });

    const again = await api('analyst', 'POST', '/api/stats/not-understood/examples', { intent: 'track_parcel', text: 'Where is my parcel??' });
    expect(await read<unknown>(again)).toMatchObject({ added: false, revision: before.flow.revision + 1 });
    const ru = await api('analyst', 'POST', '/api/stats/not-understood/examples', { intent: 'track_parcel', text: 'где моя посылка' });
    expect(await read<unknown>(ru)).toMatchObject({ added: true, locale: 'ru' });
  });

  it('answers 404 stats/unknown-intent when no flow declares the intent, and 403 to operators', async () => {
    const res = await api('analyst', 'POST', '/api/stats/not-understood/examples', { intent: 'nothing_here', text: 'x' });
    expect(res.status).toBe(404);
    expect((await read<ErrorBody>(res)).error.code).toBe('stats/unknown-intent');
    expect((await api('operator', 'POST', '/api/stats/not-understood/examples', { intent: 'track_parcel', text: 'x' })).status).toBe(403);
  });
});
