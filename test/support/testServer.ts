import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseConfig } from '../../server/src/config.js';
import { createLogger } from '../../server/src/logger.js';
import { startSwitchboard, type Switchboard, type SwitchboardOptions } from '../../server/src/createSwitchboard.js';
import { signBody } from '../../server/src/channels/whatsapp/verifySignature.js';

export const APP_SECRET = 'test-app-secret';
export const VERIFY_TOKEN = 'test-verify-token';
export const ADMIN = { email: 'admin@example.com', password: 'correct-horse-battery' };
export const TEST_FLOWS_DIR = fileURLToPath(new URL('../server/flows', import.meta.url));
/** The fixtures' timestamps are from 2025-06-15; the test clock starts just after them. */
export const FIXTURE_EPOCH_MS = 1_750_000_000_000;

export interface TestServer extends Switchboard {
  dataDir: string;
  /** Posts a webhook body signed with the test app secret (or with `signature` as given). */
  postWebhook(body: Buffer | string | object, options?: { signature?: string | null }): Promise<Response>;
  /** Stops the server; the data dir is kept unless `cleanup` is true. */
  close(options?: { cleanup?: boolean }): Promise<void>;
}

/** A clock that runs at real speed from a chosen start, so leases and retries behave. */
export function clockFrom(start: number): () => number {
  const realStart = Date.now();
  return () => start + (Date.now() - realStart);
}

export async function startTestServer(options: {
  cloudApiUrl: string;
  dataDir?: string;
  flowsDir?: string;
  clock?: () => number;
  processor?: SwitchboardOptions['processor'];
  dispatcher?: SwitchboardOptions['dispatcher'];
  env?: Record<string, string>;
  /** A built designer to serve at `/` (the e2e tests build one from the current sources). */
  designerDir?: string;
}): Promise<TestServer> {
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'sb-test-')));
  const parsed = parseConfig({
    PORT: '0',
    DATA_DIR: dataDir,
    WHATSAPP_VERIFY_TOKEN: VERIFY_TOKEN,
    WHATSAPP_APP_SECRET: APP_SECRET,
    WHATSAPP_ACCESS_TOKEN: 'test-access-token',
    WHATSAPP_API_URL: options.cloudApiUrl,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  const sb = await startSwitchboard({
    config: parsed.config,
    logger: createLogger('silent'),
    clock: options.clock ?? clockFrom(FIXTURE_EPOCH_MS + 5_000),
    flowsDir: options.flowsDir ?? TEST_FLOWS_DIR,
    processor: { pollMs: 50, ...options.processor },
    dispatcher: { pollMs: 20, random: () => 0, ...options.dispatcher },
    ...(options.designerDir ? { designerDir: options.designerDir } : {}),
  });
  return {
    ...sb,
    dataDir,
    postWebhook(body, opts = {}) {
      const raw = Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
      const signature = opts.signature === undefined ? signBody(raw, APP_SECRET) : opts.signature;
      return fetch(`${sb.url}/webhook/whatsapp`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(signature === null ? {} : { 'x-hub-signature-256': signature }) },
        body: raw,
      });
    },
    async close(opts = {}) {
      await sb.stop();
      if (opts.cleanup) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Polls until `check` returns a value (not undefined/false), or fails after `timeoutMs`. */
export async function waitFor<T>(check: () => T | undefined | false | Promise<T | undefined | false>, options: { timeoutMs?: number; what?: string } = {}): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${options.what ?? 'condition'}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A webhook body with one text message, shaped like Meta's. */
export function textWebhook(input: { from: string; wamid: string; text: string; timestampSec: number; name?: string; phoneNumberId?: string }): object {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '200000000000002',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550001111', phone_number_id: input.phoneNumberId ?? '100000000000001' },
              contacts: [{ profile: { name: input.name ?? 'Customer' }, wa_id: input.from }],
              messages: [{ from: input.from, id: input.wamid, timestamp: String(input.timestampSec), type: 'text', text: { body: input.text } }],
            },
          },
        ],
      },
    ],
  };
}
