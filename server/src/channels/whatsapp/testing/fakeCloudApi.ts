import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake received, in arrival order. */
export interface RecordedRequest {
  method: string;
  /** Path and query, e.g. `/v25.0/100000000000001/messages`. */
  path: string;
  headers: IncomingHttpHeaders;
  rawBody: string;
  /** The JSON body, or undefined when it was not JSON. */
  body: unknown;
}

export interface FakeResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Decides the answer to a request; `'hang'` never answers (until close), to exercise timeouts. */
export type FakeResponder = (request: RecordedRequest) => FakeResponse | 'hang' | Promise<FakeResponse | 'hang'>;

export interface FakeCloudApi {
  /** Base URL to pass as the client's `baseUrl`, e.g. `http://127.0.0.1:41234/v25.0`. */
  url: string;
  requests: RecordedRequest[];
  setResponder(respond: FakeResponder): void;
  close(): Promise<void>;
}

export interface StartFakeCloudApiOptions {
  respond?: FakeResponder;
  /** Path prefix standing for the Graph version. */
  version?: string;
}

/**
 * A Cloud API stand-in on loopback for tests and benchmarks. By default it accepts every send with
 * `wamid.fake.<n>` (n counts from 1) and every mark-as-read with `{ success: true }`.
 *
 * @example
 * const api = await startFakeCloudApi();
 * const client = createCloudApiClient({ baseUrl: api.url, accessToken: 't' });
 * await client.sendMessage('100000000000001', body); // { ok: true, wamid: 'wamid.fake.1' }
 * await api.close();
 */
export async function startFakeCloudApi({
  respond,
  version = 'v25.0',
}: StartFakeCloudApiOptions = {}): Promise<FakeCloudApi> {
  let sent = 0;
  const acceptAll: FakeResponder = (request) => {
    if (isMarkAsRead(request.body)) return { status: 200, body: { success: true } };
    sent += 1;
    const to = recipientOf(request.body);
    return {
      status: 200,
      body: {
        messaging_product: 'whatsapp',
        contacts: [{ input: to, wa_id: to.replace(/^\+/, '') }],
        messages: [{ id: `wamid.fake.${sent}` }],
      },
    };
  };
  let responder: FakeResponder = respond ?? acceptAll;
  const requests: RecordedRequest[] = [];

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        rawBody,
        body: parseJson(rawBody),
      };
      requests.push(recorded);
      void answer(recorded, res);
    });
  });

  async function answer(recorded: RecordedRequest, res: ServerResponse): Promise<void> {
    let reply: FakeResponse | 'hang';
    try {
      reply = await responder(recorded);
    } catch (error) {
      reply = { status: 500, body: { error: { message: String(error), code: 1 } } };
    }
    if (reply === 'hang') return;
    const payload = reply.body === undefined ? '' : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    res.writeHead(reply.status, {
      'content-type': typeof reply.body === 'string' ? 'text/plain' : 'application/json',
      'content-length': Buffer.byteLength(payload),
      ...reply.headers,
    });
    res.end(payload);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = addressOf(server.address());

  return {
    url: `http://127.0.0.1:${port}/${version}`,
    requests,
    setResponder(next) {
      responder = next;
    },
    close() {
      // Hanging requests and idle keep-alive sockets would otherwise hold close() open.
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

function addressOf(address: string | AddressInfo | null): AddressInfo {
  if (address === null || typeof address === 'string') throw new Error('the fake Cloud API is not listening on TCP');
  return address;
}

function isMarkAsRead(body: unknown): boolean {
  return typeof body === 'object' && body !== null && 'status' in body && body.status === 'read';
}

function recipientOf(body: unknown): string {
  if (typeof body === 'object' && body !== null && 'to' in body && typeof body.to === 'string') return body.to;
  return '';
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
