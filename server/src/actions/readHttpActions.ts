import { z } from 'zod';
import type { Logger } from '../logger.js';
import type { Store } from '../store/types.js';
import { createHttpAction } from './createHttpAction.js';
import type { ActionHandler } from './types.js';

export const HTTP_ACTIONS_KEY = 'actions.http';

/**
 * The business's own backends, callable from flows by name:
 * `{ "allowHosts": ["erp.internal"], "actions": [{ "name": "lookupInvoice", "url": "https://…", "method": "POST", "timeoutMs": 3000 }] }`.
 */
export const HttpActionsSchema = z.object({
  allowHosts: z.array(z.string().min(1)).default([]),
  actions: z
    .array(
      z.object({
        name: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/),
        url: z.url({ protocol: /^https?$/ }),
        method: z.enum(['GET', 'POST']).default('POST'),
        timeoutMs: z.number().int().min(100).max(30_000).default(5000),
        headers: z.record(z.string(), z.string()).optional(),
      }),
    )
    .default([]),
});

/** Builds the configured HTTP actions; a setting that does not parse is reported and ignored. */
export async function readHttpActions(store: Store, logger: Logger): Promise<Map<string, ActionHandler>> {
  const stored = await store.getSetting(HTTP_ACTIONS_KEY);
  if (stored === null) return new Map();
  const parsed = HttpActionsSchema.safeParse(stored);
  if (!parsed.success) {
    logger.error({ issues: parsed.error.issues }, `setting ${HTTP_ACTIONS_KEY} is not valid; no HTTP actions are available`);
    return new Map();
  }
  return new Map(parsed.data.actions.map((a) => [a.name, createHttpAction(a, { allowHosts: parsed.data.allowHosts })]));
}
