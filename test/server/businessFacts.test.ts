import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_FLOWS_DIR } from '../../server/src/createSwitchboard.js';
import { startFakeCloudApi, type FakeCloudApi } from '../../server/src/channels/whatsapp/testing/fakeCloudApi.js';
import { fixtureBytes } from '../../server/src/channels/whatsapp/testing/fixtures.js';
import { signIn, type ApiClient } from '../support/apiClient.js';
import { ADMIN, clockFrom, startTestServer, textWebhook, waitFor, type TestServer } from '../support/testServer.js';
import { sentMessages } from './cloudBodies.js';

// Monday 10:00 in Moscow: open by the example hours (Mon–Fri 9:00–18:00), closed by the new ones
// (closed on Mondays), so the away message proves the bot reads the new hours, not just says them.
const clock = clockFrom(Date.parse('2025-06-16T07:00:00Z'));
/** The customer of the real `text` fixture ("Hi, what are your opening hours?"). */
const ENGLISH = { from: '15550002222', name: 'Test User One' };
const RUSSIAN = { from: '15550003333', name: 'Анна' };
const BEFORE = { from: '15550004444', name: 'Bob' };

let fake: FakeCloudApi;
let server: TestServer;
let admin: ApiClient;
let wamid = 0;

const repliesTo = (customer: string) => sentMessages(fake.requests).filter((m) => m.to === customer || m.to === `+${customer}`).map((m) => m.text);

/** A customer's text through a signed webhook, then the bot's replies to it (the reply count known in advance). */
async function ask(customer: { from: string; name: string }, text: string, replies: number): Promise<string[]> {
  const before = repliesTo(customer.from).length;
  wamid += 1;
  const res = await server.postWebhook(textWebhook({ ...customer, text, wamid: `wamid.facts.${wamid}`, timestampSec: Math.floor(clock() / 1000) }));
  expect(res.status).toBe(200);
  return waitFor(() => repliesTo(customer.from).length >= before + replies && repliesTo(customer.from).slice(before), { what: `${replies} replies to "${text}"` });
}

beforeAll(async () => {
  fake = await startFakeCloudApi();
  server = await startTestServer({ cloudApiUrl: fake.url, flowsDir: REPO_FLOWS_DIR, clock });
  admin = await signIn(server.url, ADMIN);
});
afterAll(async () => {
  await server.close({ cleanup: true });
  await fake.close();
});

describe('business facts from Settings (example flows, settings API, signed webhooks, fake Cloud API)', () => {
  it('answers with the example hours and address and hands off while open, before anything changes', async () => {
    const [, hours] = await ask(BEFORE, 'what are your opening hours', 3);
    expect(hours).toContain('Our opening hours: Mon–Fri 9:00–18:00, Sat 10:00–16:30, Sun closed (Moscow time)');
    expect(await ask(BEFORE, 'operator', 1)).toEqual([expect.stringMatching(/^Connecting you with a person/)]);
    // This conversation is still in the FAQ when the settings change below.
    const [greeting, address] = await ask(RUSSIAN, 'где вы находитесь?', 3);
    expect(greeting).toBe('Здравствуйте, Анна! Добро пожаловать в Switchboard Demo 👋');
    expect(address).toContain('по адресу: 12 Harbour Street');
  });

  it('saves new hours, address and name through the settings API, and the bot reloads with them', async () => {
    const { profile } = (await admin.get('/api/settings/business')).body;
    const next = {
      ...profile,
      name: 'Canal Books',
      address: '5 Canal Street',
      openingHours: {
        tue: [{ open: '10:00', close: '19:00' }],
        wed: [{ open: '10:00', close: '19:00' }],
        thu: [{ open: '10:00', close: '19:00' }],
        fri: [{ open: '10:00', close: '19:00' }],
        sat: [{ open: '14:00', close: '17:00' }, { open: '10:00', close: '13:00' }],
      },
    };
    const saved = await admin.put('/api/settings/business', next);
    expect(saved.status).toBe(200);
    expect(saved.body.profile).toMatchObject({ name: 'Canal Books', address: '5 Canal Street', openingHours: next.openingHours });
    expect(saved.body.issues).toEqual([]);
  });

  it('tells an English customer the new hours, with closed days said as closed, and the new address', async () => {
    const res = await server.postWebhook(fixtureBytes('text'));
    expect(res.status).toBe(200);
    const [greeting, hours, anythingElse] = await waitFor(() => repliesTo(ENGLISH.from).length >= 3 && repliesTo(ENGLISH.from), { what: 'the hours answer' });
    expect(greeting).toBe('Hi Test User One, welcome to Canal Books! 👋');
    expect(hours).toBe(
      '🕘 Our opening hours: Mon closed, Tue–Fri 10:00–19:00, Sat 10:00–13:00 and 14:00–17:00, Sun closed (Moscow time). ' +
        'Outside these hours you can still write here, and a person will reply when we open.',
    );
    expect(anythingElse).toBe('Anything else?');
    const [address] = await ask(ENGLISH, "what's your address?", 2);
    expect(address).toBe('📍 Our shop is at 5 Canal Street. You can also pick up your orders there.');
  });

  it('tells a Russian customer, in a conversation begun before the change, the same hours in Russian and the new address', async () => {
    const [hours, anythingElse] = await ask(RUSSIAN, 'а какие у вас часы работы?', 2);
    expect(anythingElse).toBe('Что-нибудь ещё?');
    expect(hours).toBe(
      '🕘 Часы работы: пн — выходной, вт–пт 10:00–19:00, сб 10:00–13:00 и 14:00–17:00, вс — выходной (время московское). ' +
        'В нерабочее время тоже можно написать сюда: сотрудник ответит, когда мы откроемся.',
    );
    const [address] = await ask(RUSSIAN, 'где вы находитесь?', 2);
    expect(address).toContain('по адресу: 5 Canal Street');
  });

  it('sends the away message with the new hours when a customer asks for a person on a day now closed', async () => {
    expect(await ask(ENGLISH, 'operator', 1)).toEqual([
      "We're closed right now. Our opening hours: Mon closed, Tue–Fri 10:00–19:00, Sat 10:00–13:00 and 14:00–17:00, Sun closed (Moscow time). " +
        'Leave your message here and a person will reply as soon as we open.',
    ]);
    expect(await ask(RUSSIAN, 'оператор', 1)).toEqual([
      'Сейчас мы не работаем. Часы работы: пн — выходной, вт–пт 10:00–19:00, сб 10:00–13:00 и 14:00–17:00, вс — выходной (время московское). ' +
        'Оставьте сообщение здесь, и сотрудник ответит, как только мы откроемся.',
    ]);
  });
});
