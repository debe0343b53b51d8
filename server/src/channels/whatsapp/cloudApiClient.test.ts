import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CloudMessageBody } from './cloudMessageBody.js';
import { createCloudApiClient, type CloudApiClient } from './cloudApiClient.js';
import { startFakeCloudApi, type FakeCloudApi, type FakeResponse } from './testing/fakeCloudApi.js';

const phoneNumberId = '100000000000001';
const body: CloudMessageBody = {
  messaging_product: 'whatsapp',
  recipient_type: 'individual',
  to: '+15550002222',
  type: 'text',
  text: { body: 'Hello', preview_url: false },
};

function graphError(code: number, message: string, details?: string): unknown {
  return {
    error: {
      message,
      type: 'OAuthException',
      code,
      error_data: { messaging_product: 'whatsapp', ...(details === undefined ? {} : { details }) },
      fbtrace_id: 'Afake',
    },
  };
}

describe('createCloudApiClient', () => {
  let api: FakeCloudApi;
  let client: CloudApiClient;

  beforeEach(async () => {
    api = await startFakeCloudApi();
    client = createCloudApiClient({ baseUrl: api.url, accessToken: 'token-abc' });
  });

  afterEach(async () => {
    await api.close();
  });

  function respondWith(response: FakeResponse): void {
    api.setResponder(() => response);
  }

  it('posts the body as JSON with the bearer token and returns the wamid when the API accepts it', async () => {
    const result = await client.sendMessage(phoneNumberId, body);

    expect(result).toEqual({ ok: true, wamid: 'wamid.fake.1' });
    expect(api.requests).toHaveLength(1);
    const [request] = api.requests;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe(`/v25.0/${phoneNumberId}/messages`);
    expect(request?.headers.authorization).toBe('Bearer token-abc');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.body).toEqual(body);
  });

  it('numbers the fake wamids in order when sending several messages', async () => {
    const results = await Promise.all([1, 2, 3].map(() => client.sendMessage(phoneNumberId, body)));
    expect(results.map((r) => (r.ok ? r.wamid : r.code)).sort()).toEqual(['wamid.fake.1', 'wamid.fake.2', 'wamid.fake.3']);
  });

  it('tolerates a trailing slash when given the base URL', async () => {
    const slashed = createCloudApiClient({ baseUrl: `${api.url}/`, accessToken: 't' });
    await slashed.sendMessage(phoneNumberId, body);
    expect(api.requests[0]?.path).toBe(`/v25.0/${phoneNumberId}/messages`);
  });

  it('returns a retryable failure with the Retry-After delay when the API answers 429', async () => {
    respondWith({ status: 429, body: graphError(130429, '(#130429) Rate limit hit'), headers: { 'retry-after': '7' } });
    expect(await client.sendMessage(phoneNumberId, body)).toEqual({
      ok: false,
      retryable: true,
      code: '130429',
      message: '(#130429) Rate limit hit',
      retryAfterMs: 7000,
      httpStatus: 429,
    });
  });

  it('returns a retryable failure when the API answers 500 without a Graph error', async () => {
    respondWith({ status: 500, body: 'upstream exploded' });
    expect(await client.sendMessage(phoneNumberId, body)).toEqual({
      ok: false,
      retryable: true,
      code: 'http-500',
      message: 'HTTP 500',
      httpStatus: 500,
    });
  });

  it('returns a permanent failure with the Graph code when the 24-hour window is closed (131047)', async () => {
    respondWith({
      status: 400,
      body: graphError(131047, '(#131047) Re-engagement message', 'More than 24 hours have passed since the recipient last replied.'),
    });
    expect(await client.sendMessage(phoneNumberId, body)).toEqual({
      ok: false,
      retryable: false,
      code: '131047',
      message: '(#131047) Re-engagement message: More than 24 hours have passed since the recipient last replied.',
      httpStatus: 400,
    });
  });

  it('returns a retryable failure advising at least 6 s when the pair rate limit is hit (131056)', async () => {
    respondWith({ status: 400, body: graphError(131056, '(#131056) Pair rate limit hit') });
    expect(await client.sendMessage(phoneNumberId, body)).toMatchObject({
      ok: false,
      retryable: true,
      code: '131056',
      retryAfterMs: 6000,
      httpStatus: 400,
    });
  });

  it('prefers the longer wait when Retry-After exceeds the pair-rate minimum', async () => {
    respondWith({ status: 400, body: graphError(131056, 'Pair rate limit hit'), headers: { 'retry-after': '30' } });
    expect(await client.sendMessage(phoneNumberId, body)).toMatchObject({ retryable: true, retryAfterMs: 30_000 });
  });

  it('returns a permanent failure when the token is invalid (190)', async () => {
    respondWith({ status: 401, body: graphError(190, 'Error validating access token') });
    expect(await client.sendMessage(phoneNumberId, body)).toMatchObject({ ok: false, retryable: false, code: '190', httpStatus: 401 });
  });

  it('returns a retryable timeout failure when the API never answers', async () => {
    api.setResponder(() => 'hang');
    const impatient = createCloudApiClient({ baseUrl: api.url, accessToken: 't', timeoutMs: 100 });
    const started = Date.now();

    const result = await impatient.sendMessage(phoneNumberId, body);

    expect(result).toEqual({ ok: false, retryable: true, code: 'timeout', message: 'no response within 100 ms' });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(api.requests).toHaveLength(1);
  });

  it('returns a retryable network failure when nothing listens', async () => {
    const gone = await startFakeCloudApi();
    await gone.close();
    const orphan = createCloudApiClient({ baseUrl: gone.url, accessToken: 't' });
    expect(await orphan.sendMessage(phoneNumberId, body)).toMatchObject({ ok: false, retryable: true, code: 'network' });
  });

  it.each([
    ['an empty messages list', { messaging_product: 'whatsapp', messages: [] }],
    ['no messages at all', { messaging_product: 'whatsapp' }],
    ['a message without an id', { messages: [{ message_status: 'accepted' }] }],
    ['a body that is not JSON', 'OK'],
  ])('returns a permanent bad-response failure when a 200 has %s', async (_case, responseBody) => {
    respondWith({ status: 200, body: responseBody });
    expect(await client.sendMessage(phoneNumberId, body)).toMatchObject({
      ok: false,
      retryable: false,
      code: 'bad-response',
      httpStatus: 200,
    });
  });

  it('posts the read receipt with the typing indicator when marking as read', async () => {
    const result = await client.markAsRead(phoneNumberId, 'wamid.IN', { typing: true });

    expect(result).toEqual({ ok: true });
    expect(api.requests[0]?.path).toBe(`/v25.0/${phoneNumberId}/messages`);
    expect(api.requests[0]?.body).toEqual({
      messaging_product: 'whatsapp',
      status: 'read',
      message_id: 'wamid.IN',
      typing_indicator: { type: 'text' },
    });
  });

  it('returns the Graph failure when marking an unknown message as read (131009)', async () => {
    respondWith({ status: 400, body: graphError(131009, '(#131009) Parameter value is not valid') });
    expect(await client.markAsRead(phoneNumberId, 'wamid.NOPE')).toMatchObject({ ok: false, retryable: false, code: '131009' });
  });

  it('keeps its connection to the API open between sends', async () => {
    let connections = 0;
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ messaging_product: 'whatsapp', messages: [{ id: 'wamid.X' }] }));
      });
    });
    server.on('connection', () => (connections += 1));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const reusing = createCloudApiClient({ baseUrl: `http://127.0.0.1:${port}/v25.0`, accessToken: 't' });
    for (let i = 0; i < 10; i += 1) expect(await reusing.sendMessage(phoneNumberId, body)).toEqual({ ok: true, wamid: 'wamid.X' });
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    // undici opens a second connection while the first request's socket is still settling; after that, sends share them.
    expect(connections).toBeLessThanOrEqual(2);
  });
});
