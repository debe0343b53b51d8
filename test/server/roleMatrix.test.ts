import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeCloudApi, type FakeCloudApi } from '../../server/src/channels/whatsapp/testing/fakeCloudApi.js';
import { ADMIN, startTestServer, type TestServer } from '../support/testServer.js';
import { clientWith, createUserAndSignIn, signIn, type ApiClient, type Loose } from '../support/apiClient.js';

type Caller = 'none' | 'admin' | 'analyst' | 'operator';
interface TableRoute {
  method: string;
  path: string;
  roles: string[] | null;
  apiKey: boolean;
}

let fake: FakeCloudApi;
let server: TestServer;
let routes: TableRoute[];
const clients = new Map<Caller, ApiClient>();

beforeAll(async () => {
  fake = await startFakeCloudApi();
  server = await startTestServer({ cloudApiUrl: fake.url });
  const admin = await signIn(server.url, ADMIN);
  clients.set('admin', admin);
  clients.set('analyst', (await createUserAndSignIn(admin, server.url, { email: 'analyst@example.com', name: 'Ana', role: 'analyst' })).client);
  clients.set('operator', (await createUserAndSignIn(admin, server.url, { email: 'operator@example.com', name: 'Oleg', role: 'operator' })).client);
  clients.set('none', clientWith(server.url, {}));
  const doc: Loose = await (await fetch(`${server.url}/api/openapi.json`)).json();
  routes = Object.entries(doc.paths as Record<string, Record<string, Loose>>).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ method, path, roles: (op['x-roles'] as string[] | undefined) ?? null, apiKey: op['x-api-key'] === true })),
  );
});
afterAll(async () => {
  await server.close({ cleanup: true });
  await fake.close();
});

/** What the route table says the caller should get: 401 without a session, 403 for a role it does not list. */
function expected(route: TableRoute, caller: Caller): 'allowed' | 401 | 403 {
  if (route.roles === null) return 'allowed';
  if (caller === 'none') return 401;
  if (route.roles.includes('any') || route.roles.includes(caller)) return 'allowed';
  return 403;
}

/** Calls the route with placeholder ids and an empty body; an event stream is cut off once its status is known. */
async function statusOf(route: TableRoute, caller: Caller): Promise<number> {
  const url = `${server.url}${route.path.replace(/\{[A-Za-z]+\}/g, 'no-such-id')}`;
  const abort = new AbortController();
  const res = await fetch(url, {
    method: route.method.toUpperCase(),
    signal: abort.signal,
    headers: { 'x-requested-with': 'switchboard', 'content-type': 'application/json', ...(caller === 'none' ? {} : { cookie: clients.get(caller)?.cookie ?? '' }) },
    ...(route.method === 'get' ? {} : { body: '{}' }),
  });
  abort.abort();
  return res.status;
}

describe('the route table (every /api route, for each role and for no session)', () => {
  it('lists the operator routes with their roles', () => {
    const find = (method: string, path: string) => routes.find((r) => r.method === method && r.path === path);
    expect(find('post', '/api/inbox/conversations/{id}/claim')?.roles).toEqual(['admin', 'operator']);
    expect(find('post', '/api/users')?.roles).toEqual(['admin']);
    expect(find('post', '/api/templates')?.roles).toEqual(['admin', 'analyst']);
    expect(find('get', '/api/settings/requests')?.roles).toEqual(['admin', 'analyst']);
    expect(find('put', '/api/settings/requests')?.roles).toEqual(['admin', 'analyst']);
    expect(find('post', '/api/notifications')?.apiKey).toBe(true);
    expect(routes.length).toBeGreaterThan(40);
  });

  for (const caller of ['none', 'operator', 'analyst', 'admin'] as const) {
    it(`answers ${caller === 'none' ? 'a caller without a session' : `an ${caller}`} as the table says`, async () => {
      const mismatches: string[] = [];
      for (const route of routes) {
        // Signing out would end the session the remaining checks use.
        if (route.path === '/api/auth/logout' || route.path === '/api/auth/login') continue;
        const want = expected(route, caller);
        const got = await statusOf(route, caller);
        const ok = want === 'allowed' ? got !== 401 && got !== 403 : got === want;
        if (!ok) mismatches.push(`${route.method.toUpperCase()} ${route.path}: expected ${want}, got ${got}`);
      }
      expect(mismatches).toEqual([]);
    });
  }

  it('accepts an API key only on API-key routes, and refuses a revoked one', async () => {
    const admin = clients.get('admin');
    if (!admin) throw new Error('no admin');
    const created = await admin.post('/api/api-keys', { name: 'shop backend' });
    expect(created.status).toBe(201);
    const secret: string = created.body.secret;
    expect(secret).toMatch(/^sbk_/);
    expect(JSON.stringify((await admin.get('/api/api-keys')).body)).not.toContain(secret);
    const withKey = clientWith(server.url, { authorization: `Bearer ${secret}` });
    expect((await withKey.get('/api/notifications/no-such-id')).status).toBe(404);
    expect((await withKey.get('/api/inbox/conversations')).status).toBe(401);
    await admin.delete(`/api/api-keys/${created.body.key.id}`);
    expect((await withKey.get('/api/notifications/no-such-id')).status).toBe(401);
  });
});
