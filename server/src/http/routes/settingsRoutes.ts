import { z } from 'zod';
import { InboxSettingsSchema } from '../../inbox/inboxSettings.js';
import { BotRequestSettingsSchema } from '../../settings/botRequests.js';
import { BusinessProfileSchema } from '../../settings/businessProfile.js';
import type { SettingsService } from '../../settings/createSettingsService.js';
import { defineRoute, noBody, type Route } from '../route.js';

/** The business profile and bot-wide requests (which feed the bot settings), inbox behaviour and the wa.me link with its QR code. */
export function settingsRoutes(settings: SettingsService): Route[] {
  return [
    defineRoute({ method: 'get', path: '/api/settings/business', access: 'user', summary: 'Business profile, opening hours, greeting and away messages.', tag: 'settings', body: noBody, handle: async () => ({ body: { profile: await settings.profile() } }) }),
    defineRoute({
      method: 'put',
      path: '/api/settings/business',
      access: [],
      summary: 'Replace the business profile; name, address, hours, greeting and away go into the bot settings and the bot reloads.',
      tag: 'settings',
      body: BusinessProfileSchema,
      handle: async ({ body }) => ({ body: await settings.saveProfile(body) }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/settings/requests',
      access: ['analyst'],
      summary: 'Bot-wide requests (a person, a language, the menu, goodbye, thanks, greetings): their phrases per locale and the texts that answer them.',
      tag: 'settings',
      body: noBody,
      handle: async () => ({ body: { requests: await settings.requests() } }),
    }),
    defineRoute({
      method: 'put',
      path: '/api/settings/requests',
      access: ['analyst'],
      summary: "Replace the bot-wide requests' phrases and answers; the bot reloads, so the next message is read under them.",
      tag: 'settings',
      body: BotRequestSettingsSchema,
      handle: async ({ body }) => ({ body: await settings.saveRequests(body) }),
    }),
    defineRoute({ method: 'get', path: '/api/settings/inbox', access: ['operator'], summary: 'Auto-assignment and operator capacity.', tag: 'settings', body: noBody, handle: async () => ({ body: { settings: await settings.inbox() } }) }),
    defineRoute({ method: 'put', path: '/api/settings/inbox', access: [], summary: 'Change auto-assignment and operator capacity.', tag: 'settings', body: InboxSettingsSchema, handle: async ({ body }) => ({ body: { settings: await settings.saveInbox(body) } }) }),
    defineRoute({
      method: 'get',
      path: '/api/settings/wa-link',
      access: 'user',
      summary: 'The wa.me link and its QR code (SVG) for the business number, prefilled with ?text= or the trigger of ?flowId=.',
      tag: 'settings',
      body: noBody,
      async handle({ query }) {
        const q = z.object({ flowId: z.string().min(1).optional(), text: z.string().max(500).optional() }).parse(query);
        return { body: await settings.waLink(q) };
      },
    }),
  ];
}
