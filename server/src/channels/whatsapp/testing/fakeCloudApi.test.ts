import { describe, expect, it } from 'vitest';
import { startFakeCloudApi } from './fakeCloudApi.js';

describe('startFakeCloudApi', () => {
  it('accepts sends with numbered wamids and echoes the recipient when no responder is given', async () => {
    const api = await startFakeCloudApi();
    try {
      const post = (body: unknown) =>
        fetch(`${api.url}/1/messages`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
      const first = await (await post({ to: '+15550002222', type: 'text' })).json();
      const second = await (await post({ to: '+15550003333', type: 'text' })).json();
      const read = await (await post({ status: 'read', message_id: 'wamid.X' })).json();

      expect(first).toMatchObject({ contacts: [{ input: '+15550002222', wa_id: '15550002222' }], messages: [{ id: 'wamid.fake.1' }] });
      expect(second).toMatchObject({ messages: [{ id: 'wamid.fake.2' }] });
      expect(read).toEqual({ success: true });
      expect(api.requests.map((r) => r.path)).toEqual(['/v25.0/1/messages', '/v25.0/1/messages', '/v25.0/1/messages']);
    } finally {
      await api.close();
    }
  });

  it('answers with what the responder returns and records non-JSON bodies raw', async () => {
    const api = await startFakeCloudApi({ respond: async () => ({ status: 503, body: { down: true }, headers: { 'x-test': '1' } }) });
    try {
      const response = await fetch(`${api.url}/1/messages`, { method: 'POST', body: 'not json' });
      expect(response.status).toBe(503);
      expect(response.headers.get('x-test')).toBe('1');
      expect(await response.json()).toEqual({ down: true });
      expect(api.requests[0]).toMatchObject({ rawBody: 'not json', body: undefined });
    } finally {
      await api.close();
    }
  });

  it('answers 500 when the responder throws', async () => {
    const api = await startFakeCloudApi({
      respond: () => {
        throw new Error('boom');
      },
    });
    try {
      expect((await fetch(`${api.url}/1/messages`, { method: 'POST', body: '{}' })).status).toBe(500);
    } finally {
      await api.close();
    }
  });

  it('closes promptly when a request is left hanging', async () => {
    const api = await startFakeCloudApi({ respond: () => 'hang' });
    const pending = fetch(`${api.url}/1/messages`, { method: 'POST', body: '{}' }).catch((error: unknown) => error);
    await waitFor(() => api.requests.length === 1);
    await api.close();
    expect(await pending).toBeInstanceOf(Error);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i += 1) await new Promise((resolve) => setTimeout(resolve, 5));
  if (!condition()) throw new Error('condition not met');
}
