import express, { type Router } from 'express';
import type { Config } from '../../config.js';
import type { Logger } from '../../logger.js';
import type { NewInbound, Store } from '../../store/types.js';
import { AppError } from '../../http/AppError.js';
import { parseWebhook } from './parseWebhook.js';
import { verifyChallenge } from './verifyChallenge.js';
import { verifySignature } from './verifySignature.js';

/** Meta's limit for a webhook body is well under this; larger bodies are refused with 413. */
export const WEBHOOK_BODY_LIMIT = '3mb';

/**
 * `GET /webhook/whatsapp` answers the verification handshake; `POST` verifies the signature on the
 * raw bytes, stores every message (a redelivered wamid is a no-op) and every status, and only then
 * answers 200. Processing happens after, by the conversation processor.
 */
export function webhookRouter(deps: {
  config: Config['whatsapp'];
  store: Store;
  logger: Logger;
  clock: () => number;
  onStored: (conversationIds: string[]) => void;
  onStatus?: (messageIds: string[]) => void;
}): Router {
  const router = express.Router();
  router.get('/webhook/whatsapp', (req, res) => {
    const result = verifyChallenge(req.query, deps.config.verifyToken);
    if (result.ok) res.status(200).type('text/plain').send(result.challenge);
    else res.sendStatus(403);
  });
  router.post('/webhook/whatsapp', express.raw({ type: () => true, limit: WEBHOOK_BODY_LIMIT }), async (req, res) => {
    const secret = deps.config.appSecret;
    if (!secret) {
      throw new AppError({ code: 'webhook/channel-off', message: 'The WhatsApp channel is off: set WHATSAPP_APP_SECRET, WHATSAPP_VERIFY_TOKEN and WHATSAPP_ACCESS_TOKEN.', httpStatus: 503 });
    }
    const raw: unknown = req.body;
    const rawBody = Buffer.isBuffer(raw) ? raw : Buffer.alloc(0);
    if (!verifySignature({ rawBody, header: req.get('x-hub-signature-256'), appSecret: secret })) {
      throw new AppError({ code: 'webhook/bad-signature', message: 'The X-Hub-Signature-256 header is missing or does not match the body.', httpStatus: 401 });
    }
    let body: unknown;
    try {
      body = JSON.parse(rawBody.toString('utf8'));
    } catch {
      throw new AppError({ code: 'webhook/malformed-json', message: 'The body is not valid JSON.', httpStatus: 400 });
    }
    const parsed = parseWebhook(body);
    if (parsed.problems.length > 0) deps.logger.warn({ problems: parsed.problems }, 'webhook items skipped or read partially');
    const now = deps.clock();
    const inbound: NewInbound[] = parsed.messages
      .filter((m) => !(m.content.kind === 'reaction' && m.content.emoji === ''))
      .map((m) => ({
        channel: 'whatsapp',
        businessNumberId: m.phoneNumberId,
        customerId: m.from,
        profileName: m.profileName ?? null,
        wamid: m.wamid,
        content: m.content,
        at: m.timestamp,
      }));
    const stored = inbound.length > 0 ? await deps.store.insertInbound(inbound, now) : { inserted: [], duplicates: 0 };
    const updated: string[] = [];
    for (const status of parsed.statuses) {
      const message = await deps.store.applyStatus({ wamid: status.wamid, status: status.status, at: status.timestamp, ...(status.error ? { error: status.error } : {}) });
      if (message) updated.push(message.id);
    }
    res.status(200).json({ received: inbound.length, duplicates: stored.duplicates, statuses: parsed.statuses.length });
    deps.onStored([...new Set(stored.inserted.map((m) => m.conversationId))]);
    if (updated.length > 0) deps.onStatus?.(updated);
  });
  return router;
}
