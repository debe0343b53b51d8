import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpAction, isPrivateAddress } from './createHttpAction.js';

let server: Server;
let base = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      if (req.url?.startsWith('/missing')) return void res.writeHead(404).end();
      if (req.url?.startsWith('/slow')) return; // never answers
      if (req.url?.startsWith('/broken')) return void res.writeHead(500).end();
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ echo: body ? JSON.parse(body) : null, url: req.url }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const signal = () => AbortSignal.timeout(10_000);

describe('createHttpAction', () => {
  it('refuses loopback and private addresses unless the host is allow-listed', async () => {
    const refused = await createHttpAction({ url: `${base}/order` })({ id: 'ORD-1' }, signal());
    expect(refused).toEqual({ status: 'error', data: { message: 'refused private address 127.0.0.1' } });
    const allowed = await createHttpAction({ url: `${base}/order` }, { allowHosts: ['127.0.0.1'] })({ id: 'ORD-1' }, signal());
    expect(allowed).toEqual({ status: 'ok', data: { echo: { id: 'ORD-1' }, url: '/order' } });
  });

  it('sends the input as a query for GET, maps 404 to notFound and 5xx to error', async () => {
    const opts = { allowHosts: ['127.0.0.1'] };
    expect(await createHttpAction({ url: `${base}/order`, method: 'GET' }, opts)({ id: 'A 1' }, signal())).toEqual({ status: 'ok', data: { echo: null, url: '/order?id=A+1' } });
    expect(await createHttpAction({ url: `${base}/missing` }, opts)({}, signal())).toEqual({ status: 'notFound', data: null });
    expect(await createHttpAction({ url: `${base}/broken` }, opts)({}, signal())).toEqual({ status: 'error', data: { httpStatus: 500 } });
  });

  it('gives up after its timeout', async () => {
    const result = await createHttpAction({ url: `${base}/slow`, timeoutMs: 150 }, { allowHosts: ['127.0.0.1'] })({}, signal());
    expect(result.status).toBe('error');
  });

  it('knows the private ranges', () => {
    for (const a of ['10.1.2.3', '127.0.0.1', '172.16.0.1', '192.168.1.1', '169.254.169.254', '::1', 'fd00::1', '::ffff:127.0.0.1']) expect(isPrivateAddress(a), a).toBe(true);
    for (const a of ['8.8.8.8', '172.32.0.1', '2a00:1450::1']) expect(isPrivateAddress(a), a).toBe(false);
  });
});
