import { z } from 'zod';
import type { Store } from '../store/types.js';

export const INBOX_SETTINGS_KEY = 'inbox';

export const InboxSettingsSchema = z.object({
  /** Hand queued conversations to online operators round-robin. */
  autoAssign: z.boolean().default(false),
  /** Most conversations one operator holds at once (auto-assign stops there). */
  capacity: z.number().int().min(1).max(100).default(5),
});
export type InboxSettings = z.infer<typeof InboxSettingsSchema>;

export async function readInboxSettings(store: Store): Promise<InboxSettings> {
  const parsed = InboxSettingsSchema.safeParse((await store.getSetting(INBOX_SETTINGS_KEY)) ?? {});
  return parsed.success ? parsed.data : InboxSettingsSchema.parse({});
}
