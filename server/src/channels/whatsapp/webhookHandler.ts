import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Config } from '../../config.js';
import { AppError } from '../../http/AppError.js';
import { describeError } from '../../http/errorHandler.js';
import type { Logger } from '../../logger.js';
import type { NewInbound, Store } from '../../store/types.js';
import { parseWebhook } from './parseWebhook.js';
import { verifyChallenge } from './verifyChallenge.js';
import { verifySignature } from './verifySignature.js';

export const WEBHOOK_PATH = '/webhook/whatsapp';
/** Meta's limit for a webhook body is well under this; larger bodies are refused with 413. */
export const WEBHOOK_BODY_LIMIT_BYTES = 3 * 1024 * 1024;

export interface WebhookDeps {
  config: Config['whatsapp'];
  store: Store;
  logger: Logger;
  clock: () => number;
  onStored: (conversationIds: string[]) => void;
  onStatus?: (messageIds: string[]) => void;
}

/** Answers `true` when it took the request (the webhook's path), `false` to leave it to the app. */
export type ChannelHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

const fail = (httpStatus: number, code: string, message: string) => new AppError({ httpStatus, code, message });
const aborted = () => fail(400, 'request/aborted', 'The request ended before its body did.');

/** The path without its query, lower-cased and without a trailing slash, as the app's router matches paths. */
function routeOf(url: string): string {
  const query = url.indexOf('?');
  const path = (query === -1 ? url : url.slice(0, query)).toLowerCase();
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

/**
 * The WhatsApp webhook as a plain Node request handler in front of the app: it is the one route
 * every customer message takes, and its callers are Meta's servers, so it needs none of the app's
 * middleware (sessions, browser security headers, JSON parsing, ETags). Errors keep the API's shape,
 * `{ "error": { "code", "message" } }`.
 *
 * `GET` answers the verification handshake; `POST` verifies the signature on the raw bytes, stores
 * every message (a redelivered wamid is a no-op) and every status, and only then answers 200.
 * Processing happens after, by the conversation processor.
 *
 * @example http.createServer((req, res) => webhook(req, res) || app(req, res))
 */
export function createWebhookHandler(deps: WebhookDeps): ChannelHandler {
  return (req, res) => {
    const url = req.url ?? '';
    if (routeOf(url) !== WEBHOOK_PATH) return false;
    if (req.method === 'GET' || req.method === 'HEAD') {
      const query = url.indexOf('?');
      const params = Object.fromEntries(new URLSearchParams(query === -1 ? '' : url.slice(query + 1)));
      const result = verifyChallenge(params, deps.config.verifyToken);
      if (result.ok) send(res, 200, 'text/plain; charset=utf-8', result.challenge);
      else send(res, 403, 'text/plain; charset=utf-8', 'Forbidden');
      return true;
    }
    if (req.method !== 'POST') {
      res.setHeader('allow', 'GET, HEAD, POST');
      sendError(res, fail(405, 'http/405', `${req.method ?? 'This method'} is not allowed on ${WEBHOOK_PATH}.`));
      return true;
    }
    receive(req)
      .then((rawBody) => store(deps, req, rawBody))
      .then(
        (answer) => {
          send(res, 200, 'application/json; charset=utf-8', JSON.stringify(answer.body));
          answer.after();
        },
        (error: unknown) => {
          if (sendError(res, error) >= 500) deps.logger.error({ err: error, url: WEBHOOK_PATH }, 'webhook failed');
        },
      );
    return true;
  };
}

async function store(deps: WebhookDeps, req: IncomingMessage, rawBody: Buffer): Promise<{ body: object; after: () => void }> {
  const secret = deps.config.appSecret;
  if (!secret) {
    throw fail(503, 'webhook/channel-off', 'The WhatsApp channel is off: set WHATSAPP_APP_SECRET, WHATSAPP_VERIFY_TOKEN and WHATSAPP_ACCESS_TOKEN.');
  }
  const header = req.headers['x-hub-signature-256'];
  if (!verifySignature({ rawBody, header: Array.isArray(header) ? header[0] : header, appSecret: secret })) {
    throw fail(401, 'webhook/bad-signature', 'The X-Hub-Signature-256 header is missing or does not match the body.');
  }
  let body: unknown;
  try {
    body = JSON.parse(rawBody.toString('utf8'));
  } catch {
    throw fail(400, 'webhook/malformed-json', 'The body is not valid JSON.');
  }
  const parsed = parseWebhook(body);
  if (parsed.problems.length > 0) deps.logger.warn({ problems: parsed.problems }, 'webhook items skipped or read partially');
  const now = deps.clock();
  const inbound: NewInbound[] = [];
  for (const m of parsed.messages) {
    // An emptied reaction (the customer took theirs back) says nothing to the bot or to a person.
    if (m.content.kind === 'reaction' && m.content.emoji === '') continue;
    inbound.push({ channel: 'whatsapp', businessNumberId: m.phoneNumberId, customerId: m.from, profileName: m.profileName ?? null, wamid: m.wamid, content: m.content, at: m.timestamp });
  }
  const stored = inbound.length > 0 ? await deps.store.insertInbound(inbound, now) : { inserted: [], duplicates: 0 };
  const updated: string[] = [];
  for (const status of parsed.statuses) {
    const message = await deps.store.applyStatus({ wamid: status.wamid, status: status.status, at: status.timestamp, ...(status.error ? { error: status.error } : {}) });
    if (message) updated.push(message.id);
  }
  return {
    body: { received: inbound.length, duplicates: stored.duplicates, statuses: parsed.statuses.length },
    after: () => {
      deps.onStored([...new Set(stored.inserted.map((m) => m.conversationId))]);
      if (updated.length > 0) deps.onStatus?.(updated);
    },
  };
}

/** The body's bytes exactly as sent, refusing more than the limit (by its declared length first). */
function receive(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const tooLarge = () => fail(413, 'request/too-large', 'The request body is too large.');
    const encoding = req.headers['content-encoding'];
    if (encoding !== undefined && encoding.toLowerCase() !== 'identity') {
      reject(fail(415, 'request/unsupported-encoding', `Content-Encoding ${encoding} is not accepted; send the body as is.`));
      req.resume();
      return;
    }
    const declared = Number(req.headers['content-length']);
    if (declared > WEBHOOK_BODY_LIMIT_BYTES) {
      reject(tooLarge());
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let length = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      if (refused) return;
      length += chunk.length;
      if (length > WEBHOOK_BODY_LIMIT_BYTES) {
        refused = true;
        chunks.length = 0;
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!refused) resolve(chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks, length));
    });
    // A caller that hangs up before the end of its body has sent nothing to store.
    req.on('error', () => {
      if (!refused) reject(aborted());
    });
    req.on('close', () => {
      if (!req.complete && !refused) reject(aborted());
    });
  });
}

function send(res: ServerResponse, status: number, contentType: string, body: string): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/** Answers an error in the API's shape and status, exactly as the app's error handler would; returns the status. */
function sendError(res: ServerResponse, error: unknown): number {
  const { status, body } = describeError(error);
  send(res, status, 'application/json; charset=utf-8', JSON.stringify({ error: body }));
  return status;
}
