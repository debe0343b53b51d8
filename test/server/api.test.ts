import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeCloudApi, type FakeCloudApi } from '../../server/src/channels/whatsapp/testing/fakeCloudApi.js';
import { ADMIN, startTestServer, type TestServer } from '../support/testServer.js';

let fake: FakeCloudApi;
let server: TestServer;
let cookie = '';

async function api(method: string, path: string, body?: unknown, options: { csrf?: boolean; cookie?: string } = {}) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(options.csrf === false ? {} : { 'x-requested-with': 'switchboard' }),
      cookie: options.cookie ?? cookie,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  const json: unknown = text ? JSON.parse(text) : null;
  return { status: res.status, json: json as Record<string, unknown> & { error?: { code: string; message: string; details?: unknown } }, headers: res.headers };
}

beforeAll(async () => {
  fake = await startFakeCloudApi();
  server = await startTestServer({ cloudApiUrl: fake.url });
  const login = await api('POST', '/api/auth/login', ADMIN);
  cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
});
afterAll(async () => {
  await server.close({ cleanup: true });
  await fake.close();
});

const simpleFlow = (id: string, text = 'Hello!') => ({
  schemaVersion: 1,
  id,
  name: `Flow ${id}`,
  locales: ['en'],
  nodes: [
    { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
    { id: 'hello', type: 'message', position: { x: 200, y: 0 }, data: { text: { en: text } } },
  ],
  edges: [{ id: 'e1', source: 'start', sourceHandle: 'next', target: 'hello' }],
});

describe('security headers', () => {
  it('sends the browser security headers with the API and the web app', async () => {
    for (const path of ['/api/auth/me', '/']) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
  });
});

describe('sign-in', () => {
  it('refuses wrong credentials with a stable code and sets an httpOnly SameSite cookie on success', async () => {
    const wrong = await api('POST', '/api/auth/login', { email: ADMIN.email, password: 'nope-nope-nope' }, { cookie: '' });
    expect(wrong.status).toBe(401);
    expect(wrong.json.error?.code).toBe('auth/invalid-credentials');
    const ok = await api('POST', '/api/auth/login', ADMIN, { cookie: '' });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('set-cookie')).toMatch(/sb_session=.*HttpOnly.*SameSite=Strict/i);
    const me = await api('GET', '/api/auth/me');
    expect(me.json).toEqual({ user: expect.objectContaining({ email: ADMIN.email, role: 'admin' }) });
  });

  it('requires a session for the API and the CSRF header for changes', async () => {
    expect((await api('GET', '/api/flows', undefined, { cookie: '' })).status).toBe(401);
    const noCsrf = await api('POST', '/api/flows', { flow: simpleFlow('csrf') }, { csrf: false });
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.json.error?.code).toBe('auth/csrf');
  });
});

describe('flows API', () => {
  it('lists the flows loaded and published on first start', async () => {
    const list = await api('GET', '/api/flows');
    expect(list.status).toBe(200);
    const flows = list.json.flows as { id: string; status: string }[];
    expect(flows.map((f) => f.id).sort()).toEqual(['echo', 'support']);
    expect(flows.every((f) => f.status === 'published')).toBe(true);
  });

  it('refuses an invalid flow document with every issue listed', async () => {
    const res = await api('POST', '/api/flows', { flow: { schemaVersion: 1, id: 'Bad Id', nodes: 'nope' } });
    expect(res.status).toBe(400);
    expect(res.json.error?.code).toBe('flow/invalid');
    expect((res.json.error?.details as { issues: unknown[] }).issues.length).toBeGreaterThan(1);
  });

  it('saves drafts with revisions and refuses a save over a newer one with 409 and the current version', async () => {
    const created = await api('POST', '/api/flows', { flow: simpleFlow('drafty') });
    expect(created.status).toBe(201);
    const revision = (created.json.flow as { revision: number }).revision;
    const first = await api('PUT', '/api/flows/drafty', { draft: simpleFlow('drafty', 'Hi v2'), revision });
    expect(first.status).toBe(200);
    const stale = await api('PUT', '/api/flows/drafty', { draft: simpleFlow('drafty', 'Hi stale'), revision });
    expect(stale.status).toBe(409);
    expect(stale.json.error?.code).toBe('flow/conflict');
    expect((stale.json.error?.details as { current: { revision: number } }).current.revision).toBe(revision + 1);
  });

  it('blocks publishing while the draft has errors, then publishes versions and rolls back', async () => {
    const broken = simpleFlow('pub');
    broken.edges = [];
    const created = await api('POST', '/api/flows', { flow: broken });
    const refused = await api('POST', '/api/flows/pub/publish', {});
    expect(refused.status).toBe(422);
    expect(refused.json.error?.code).toBe('flow/has-errors');
    expect((refused.json.error?.details as { issues: { code: string }[] }).issues.map((i) => i.code)).toContain('flow/unconnected-handle');

    const fixed = await api('PUT', '/api/flows/pub', { draft: simpleFlow('pub', 'one'), revision: (created.json.flow as { revision: number }).revision });
    expect((await api('POST', '/api/flows/pub/publish', { summary: 'first' })).status).toBe(200);
    await api('PUT', '/api/flows/pub', { draft: simpleFlow('pub', 'two'), revision: (fixed.json.flow as { revision: number }).revision });
    const second = await api('POST', '/api/flows/pub/publish', {});
    expect((second.json.version as { summary: string }).summary).toBe('1 node changed');
    const versions = await api('GET', '/api/flows/pub/versions');
    expect((versions.json.versions as { version: number; summary: string }[]).map((v) => [v.version, v.summary])).toEqual([
      [1, 'first'],
      [2, '1 node changed'],
    ]);
    const rolled = await api('POST', '/api/flows/pub/rollback', { version: 1 });
    expect(rolled.status).toBe(200);
    const flow = await api('GET', '/api/flows/pub');
    const draft = (flow.json.flow as { draft: { nodes: { data: { text?: { en: string } } }[] }; status: string; publishedVersion: number });
    expect(draft.draft.nodes[1]?.data.text?.en).toBe('one');
    expect(draft.status).toBe('published');
    expect(draft.publishedVersion).toBe(3);
  });

  it('serves an OpenAPI document generated from the route table', async () => {
    const doc = await api('GET', '/api/openapi.json');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.json.paths as object)).toEqual(expect.arrayContaining(['/api/flows', '/api/flows/{id}/publish', '/api/preview/sessions']));
  });
});

describe('preview channel', () => {
  it('runs an unsaved draft with the real engine and actions and reports the node it waits at', async () => {
    const started = await api('POST', '/api/preview/sessions', { flowId: 'support' });
    expect(started.status).toBe(201);
    expect(started.json.replies).toEqual([expect.objectContaining({ kind: 'buttons', text: 'Hello Preview! How can I help?' })]);
    expect(started.json.activeNode).toEqual({ flowId: 'support', nodeId: 'menu' });
    const id = started.json.sessionId as string;
    const asked = await api('POST', `/api/preview/sessions/${id}/messages`, { choice: { id: 'track', title: 'Track my order' } });
    expect(asked.json.replies).toEqual([{ kind: 'text', text: 'Your order number?' }]);
    const answered = await api('POST', `/api/preview/sessions/${id}/messages`, { text: 'ord 5521' });
    expect(answered.json.replies).toEqual([{ kind: 'text', text: 'ORD-5521: out_for_delivery' }]);
    expect(answered.json.ended).toBe(true);
    expect((answered.json.trace as { type: string; nodeId?: string }[]).filter((t) => t.type === 'node').map((t) => t.nodeId)).toEqual(['lookup', 'found']);
  });

  it('previews a flow while an unrelated draft is broken', async () => {
    const broken = simpleFlow('broken-sibling');
    broken.edges = [];
    await api('POST', '/api/flows', { flow: broken });
    const started = await api('POST', '/api/preview/sessions', { flowId: 'drafty', draft: simpleFlow('drafty', 'Preview me') });
    expect(started.status).toBe(201);
    expect(started.json.replies).toEqual([{ kind: 'text', text: 'Preview me' }]);
  });
});
