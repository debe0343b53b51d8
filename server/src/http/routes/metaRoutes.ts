import { BotSettingsSchema, parseFlow } from '@switchboard/engine';
import type { Store } from '../../store/types.js';
import type { BotRegistry } from '../../bot/createBotRegistry.js';
import { BOT_SETTINGS_KEY, readBotSettings } from '../../bot/botSettings.js';
import { defineRoute, noBody, type Route } from '../route.js';

export function metaRoutes(deps: { store: Store; bots: BotRegistry; clock: () => number }): Route[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/meta',
      access: 'user',
      summary: "What the designer's validation needs: action names, locales, intents and flows.",
      tag: 'meta',
      body: noBody,
      async handle() {
        const flows = (await deps.store.listFlows()).filter((f) => f.deletedAt === null).flatMap((r) => {
          const parsed = parseFlow(r.draft);
          return parsed.ok ? [parsed.flow] : [];
        });
        return {
          body: {
            actions: deps.bots.actionNames(),
            locales: ['en', 'ru'],
            intents: [...new Set(flows.flatMap((f) => f.intents.map((i) => i.name)))].sort(),
            flows: flows.map((f) => ({ id: f.id, name: f.name, nodes: f.nodes.map((n) => ({ id: n.id, type: n.type, label: n.data.label ?? null })) })),
          },
        };
      },
    }),
    defineRoute({ method: 'get', path: '/api/settings/bot', access: ['analyst'], summary: 'The bot settings.', tag: 'settings', body: noBody, handle: async () => ({ body: { settings: BotSettingsSchema.parse(await readBotSettings(deps.store)) } }) }),
    defineRoute({
      method: 'put',
      path: '/api/settings/bot',
      access: ['analyst'],
      summary: 'Replace the bot settings and rebuild the bot.',
      tag: 'settings',
      body: BotSettingsSchema,
      async handle({ body }) {
        await deps.store.putSetting(BOT_SETTINGS_KEY, JSON.parse(JSON.stringify(body)), deps.clock());
        const reloaded = await deps.bots.reload();
        return { body: { settings: body, issues: reloaded.issues } };
      },
    }),
  ];
}
