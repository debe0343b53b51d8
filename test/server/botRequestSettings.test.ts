import { DEFAULT_REQUESTS } from '@switchboard/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeCloudApi, type FakeCloudApi } from '../../server/src/channels/whatsapp/testing/fakeCloudApi.js';
import { ADMIN, startTestServer, textWebhook, waitFor, type TestServer } from '../support/testServer.js';
import { clientWith, createUserAndSignIn, signIn, type ApiClient, type Loose } from '../support/apiClient.js';
import { sentMessages } from './cloudBodies.js';

let fake: FakeCloudApi;
let server: TestServer;
let admin: ApiClient;
let analyst: ApiClient;
let operator: ApiClient;
let wamid = 0;

beforeAll(async () => {
  fake = await startFakeCloudApi();
  server = await startTestServer({ cloudApiUrl: fake.url });
  admin = await signIn(server.url, ADMIN);
  analyst = (await createUserAndSignIn(admin, server.url, { email: 'ana@example.com', name: 'Ana', role: 'analyst' })).client;
  operator = (await createUserAndSignIn(admin, server.url, { email: 'oleg@example.com', name: 'Oleg', role: 'operator' })).client;
});
afterAll(async () => {
  await server.close({ cleanup: true });
  await fake.close();
});

/** A customer's text through a signed webhook; resolves with the texts the bot sent back to it. */
async function customerSays(from: string, text: string): Promise<string[]> {
  wamid += 1;
  const before = sentMessages(fake.requests).filter((m) => m.to === from || m.to === `+${from}`).length;
  const res = await server.postWebhook(textWebhook({ from, wamid: `wamid.requests.${wamid}`, text, timestampSec: 1_750_000_100 + wamid }));
  expect(res.status).toBe(200);
  return waitFor(() => {
    const sent = sentMessages(fake.requests).filter((m) => m.to === from || m.to === `+${from}`).slice(before);
    return sent.length > 0 && sent.map((m) => m.text);
  }, { what: `the answer to "${text}"` });
}

const current = async (): Promise<Loose> => (await analyst.get('/api/settings/requests')).body.requests;

describe('GET /api/settings/requests', () => {
  it('gives analysts every bot-wide request with its phrases, and the texts that answer them', async () => {
    const res = await analyst.get('/api/settings/requests');
    expect(res.status).toBe(200);
    expect(res.body.requests.phrases).toEqual(DEFAULT_REQUESTS);
    expect(Object.keys(res.body.requests.answers).sort()).toEqual(['flowChanged', 'goodbye', 'handoff', 'languageChanged', 'thanks']);
    expect(res.body.requests.answers.goodbye.en).toMatch(/^Thanks for contacting \{\{business\.name\}\}/);
  });

  it('refuses operators and callers without a session', async () => {
    expect((await operator.get('/api/settings/requests')).status).toBe(403);
    expect((await clientWith(server.url, {}).get('/api/settings/requests')).status).toBe(401);
  });
});

describe('PUT /api/settings/requests', () => {
  it('refuses operators, and changes nothing', async () => {
    const before = await current();
    const res = await operator.put('/api/settings/requests', { ...before, phrases: { ...before.phrases, goodbye: { en: ['ciao'], ru: [] } } });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('auth/forbidden');
    expect(await current()).toEqual(before);
  });

  it('lists every problem of a bad body with the field it is in', async () => {
    const before = await current();
    const res = await analyst.put('/api/settings/requests', {
      phrases: { ...before.phrases, goodbye: { en: ['bye', '   '], ru: before.phrases.goodbye.ru } },
      answers: { ...before.answers, thanks: { en: '', ru: before.answers.thanks.ru }, flowChanged: undefined },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('request/invalid-body');
    expect(res.body.error.details.issues.map((i: Loose) => i.path).sort()).toEqual(['answers.flowChanged', 'answers.thanks.en', 'phrases.goodbye.en.1']);
    expect(await current()).toEqual(before);
  });

  it('refuses an empty body rather than resetting the requests', async () => {
    expect((await analyst.put('/api/settings/requests', {})).status).toBe(400);
  });

  it('trims the phrases and keeps a phrase written twice once', async () => {
    const before = await current();
    const res = await analyst.put('/api/settings/requests', { ...before, phrases: { ...before.phrases, menu: { en: [' menu ', 'Menu', 'start over'], ru: ['меню'] } } });
    expect(res.status).toBe(200);
    expect(res.body.requests.phrases.menu).toEqual({ en: ['menu', 'start over'], ru: ['меню'] });
  });

  it('answers the next customer under the new phrases and texts at once (a signed webhook, and the preview)', async () => {
    expect(await customerSays('15550007001', 'ciao')).toEqual(['Hello Customer! How can I help?']);

    const before = await current();
    const change = {
      phrases: { ...before.phrases, goodbye: { ...before.phrases.goodbye, en: [...before.phrases.goodbye.en, 'ciao'] } },
      answers: { ...before.answers, goodbye: { ...before.answers.goodbye, en: 'Ciao from {{business.name}}!' } },
    };
    const saved = await analyst.put('/api/settings/requests', change);
    expect(saved.status).toBe(200);
    expect(saved.body.requests.phrases.goodbye.en).toContain('ciao');

    expect(await customerSays('15550007002', 'ciao')).toEqual(['Ciao from Test Shop!']);
    const started = await analyst.post('/api/preview/sessions', { flowId: 'support' });
    expect(started.status).toBe(201);
    const previewed = await analyst.post(`/api/preview/sessions/${started.body.sessionId}/messages`, { text: 'ciao' });
    expect(previewed.body.replies).toEqual([expect.objectContaining({ kind: 'text', text: 'Ciao from Test Shop!' })]);
  });

  it('keeps the requests when an admin saves the business profile (both go into the one bot settings)', async () => {
    const before = await current();
    const profile = (await admin.get('/api/settings/business')).body.profile;
    expect((await admin.put('/api/settings/business', { ...profile, address: '2 Test Road' })).status).toBe(200);
    expect(await current()).toEqual(before);
    expect((await admin.get('/api/settings/business')).body.profile.address).toBe('2 Test Road');
  });
});
