import path from 'node:path';
import { z } from 'zod';

const emptyToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());

/** The environment variables Switchboard reads (contract: names and meanings never change). */
export const EnvSchema = z.object({
  PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(65535).default(3000)),
  DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('./.data')),
  MONGODB_URI: z.preprocess(
    emptyToUndefined,
    z.string().regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://').optional(),
  ),
  WHATSAPP_VERIFY_TOKEN: optionalString,
  WHATSAPP_APP_SECRET: optionalString,
  WHATSAPP_ACCESS_TOKEN: optionalString,
  WHATSAPP_PHONE_NUMBER_ID: z.preprocess(emptyToUndefined, z.string().regex(/^\d+$/, 'must be the numeric phone number id').optional()),
  WHATSAPP_API_URL: z.preprocess(emptyToUndefined, z.url().default('https://graph.facebook.com/v25.0')),
  ADMIN_EMAIL: z.preprocess(emptyToUndefined, z.email().default('admin@example.com')),
  ADMIN_PASSWORD: z.preprocess(emptyToUndefined, z.string().min(8, 'must be at least 8 characters').optional()),
  /** Where the example flows and their demo data are read from on first start (default: the repository's flows/). */
  FLOWS_DIR: optionalString,
  LOG_LEVEL: z.preprocess(emptyToUndefined, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')),
});

export interface Config {
  port: number;
  dataDir: string;
  mongodbUri: string | undefined;
  whatsapp: {
    verifyToken: string | undefined;
    appSecret: string | undefined;
    accessToken: string | undefined;
    phoneNumberId: string | undefined;
    apiUrl: string;
    /** Whether inbound webhooks can be verified and replies sent. */
    enabled: boolean;
    /** The variables that are missing for the channel to work. */
    missing: string[];
  };
  admin: { email: string; password: string | undefined };
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  flowsDir: string | undefined;
}

export type ParseConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

/**
 * Reads the configuration from environment variables, reporting every problem at once.
 *
 * @example parseConfig(process.env) // → { ok: true, config } or { ok: false, problems: ['PORT: …'] }
 */
export function parseConfig(env: Record<string, string | undefined>): ParseConfigResult {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`) };
  }
  const e = parsed.data;
  const needed = { WHATSAPP_VERIFY_TOKEN: e.WHATSAPP_VERIFY_TOKEN, WHATSAPP_APP_SECRET: e.WHATSAPP_APP_SECRET, WHATSAPP_ACCESS_TOKEN: e.WHATSAPP_ACCESS_TOKEN };
  const missing = Object.entries(needed).filter(([, v]) => !v).map(([k]) => k);
  return {
    ok: true,
    config: {
      port: e.PORT,
      dataDir: path.resolve(e.DATA_DIR),
      mongodbUri: e.MONGODB_URI,
      whatsapp: {
        verifyToken: e.WHATSAPP_VERIFY_TOKEN,
        appSecret: e.WHATSAPP_APP_SECRET,
        accessToken: e.WHATSAPP_ACCESS_TOKEN,
        phoneNumberId: e.WHATSAPP_PHONE_NUMBER_ID,
        apiUrl: e.WHATSAPP_API_URL.replace(/\/+$/, ''),
        enabled: missing.length === 0,
        missing,
      },
      admin: { email: e.ADMIN_EMAIL.toLowerCase(), password: e.ADMIN_PASSWORD },
      logLevel: e.LOG_LEVEL,
      flowsDir: e.FLOWS_DIR ? path.resolve(e.FLOWS_DIR) : undefined,
    },
  };
}
