import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeCloudApi, type FakeCloudApi } from '../../server/src/channels/whatsapp/testing/fakeCloudApi.js';
import { HTTP_ACTIONS_KEY } from '../../server/src/actions/readHttpActions.js';
import { ADMIN, startTestServer } from '../support/testServer.js';

let fake: FakeCloudApi;
beforeAll(async () => {
  fake = await startFakeCloudApi();
});
afterAll(async () => {
  await fake.close();
});

describe('configured HTTP actions', () => {
  it('are offered to flows by name after a restart', async () => {
    const first = await startTestServer({ cloudApiUrl: fake.url });
    await first.store.putSetting(HTTP_ACTIONS_KEY, { allowHosts: [], actions: [{ name: 'lookupInvoice', url: 'https://erp.example/invoices' }] }, Date.now());
    await first.close();
    const second = await startTestServer({ cloudApiUrl: fake.url, dataDir: first.dataDir });
    const login = await fetch(`${second.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-requested-with': 'switchboard' }, body: JSON.stringify(ADMIN) });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const meta = (await (await fetch(`${second.url}/api/meta`, { headers: { cookie } })).json()) as { actions: string[] };
    expect(meta.actions).toEqual(expect.arrayContaining(['lookupBooking', 'lookupOrder', 'lookupInvoice']));
    await second.close({ cleanup: true });
  });
});
