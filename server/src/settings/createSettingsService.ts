import { BotSettingsSchema, type BotSettingsInput, type Json } from '@switchboard/engine';
import QRCode from 'qrcode';
import type { BotRegistry } from '../bot/createBotRegistry.js';
import { BOT_SETTINGS_KEY, readBotSettings } from '../bot/botSettings.js';
import { AppError, badRequest } from '../http/AppError.js';
import { INBOX_SETTINGS_KEY, readInboxSettings, type InboxSettings } from '../inbox/inboxSettings.js';
import type { Store } from '../store/types.js';
import type { BotRequestSettings } from './botRequests.js';
import { PROFILE_KEY, ProfileExtrasSchema, type BusinessProfile } from './businessProfile.js';

const toJson = (value: unknown): Json => JSON.parse(JSON.stringify(value)) as Json;

/**
 * The settings pages: business profile and bot-wide requests (both feeding the bot settings), inbox
 * behaviour, the wa.me link. The one writer of the bot settings: each change is checked against the
 * whole schema, stored, and the bot reloaded so the next message is answered under it.
 */
export function createSettingsService(deps: { store: Store; bots: BotRegistry; clock: () => number }) {
  async function changeBotSettings(change: (current: BotSettingsInput) => BotSettingsInput, alongside?: { key: string; value: unknown }): Promise<{ issues: unknown[] }> {
    const bot = change(await readBotSettings(deps.store));
    const parsed = BotSettingsSchema.safeParse(bot);
    if (!parsed.success) throw badRequest('settings/invalid', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    const now = deps.clock();
    await deps.store.putSetting(BOT_SETTINGS_KEY, toJson(bot), now);
    if (alongside) await deps.store.putSetting(alongside.key, toJson(alongside.value), now);
    const reloaded = await deps.bots.reload();
    return { issues: reloaded.issues };
  }

  async function profile(): Promise<BusinessProfile> {
    const settings = BotSettingsSchema.parse(await readBotSettings(deps.store));
    const extras = ProfileExtrasSchema.safeParse((await deps.store.getSetting(PROFILE_KEY)) ?? {});
    return {
      ...(extras.success ? extras.data : ProfileExtrasSchema.parse({})),
      name: settings.business.name,
      address: settings.business.address,
      timeZone: settings.business.timeZone,
      openingHours: settings.business.openingHours,
      greeting: { enabled: settings.greeting?.enabled ?? false, text: settings.greeting?.text ?? {}, afterDays: settings.greeting?.afterDays ?? 14 },
      away: { enabled: settings.away?.enabled ?? false, text: settings.away?.text ?? {} },
    };
  }

  async function requests(): Promise<BotRequestSettings> {
    const { interrupts, messages } = BotSettingsSchema.parse(await readBotSettings(deps.store));
    const { handoff, goodbye, thanks, languageChanged, flowChanged } = messages;
    return { phrases: interrupts, answers: { handoff, goodbye, thanks, languageChanged, flowChanged } };
  }

  return {
    profile,
    async saveProfile(next: BusinessProfile): Promise<{ profile: BusinessProfile; issues: unknown[] }> {
      const { issues } = await changeBotSettings(
        (current) => ({
          ...current,
          business: { name: next.name, address: next.address, timeZone: next.timeZone, openingHours: next.openingHours },
          greeting: next.greeting,
          away: { enabled: next.away.enabled, ...(Object.keys(next.away.text).length > 0 ? { text: next.away.text } : {}) },
        }),
        { key: PROFILE_KEY, value: { description: next.description, email: next.email, website: next.website, phoneNumber: next.phoneNumber } },
      );
      return { profile: await profile(), issues };
    },
    requests,
    /** Replaces the phrases of the bot-wide requests and the texts that answer them; the other messages stay. */
    async saveRequests(next: BotRequestSettings): Promise<{ requests: BotRequestSettings; issues: unknown[] }> {
      const { issues } = await changeBotSettings((current) => ({ ...current, interrupts: next.phrases, messages: { ...current.messages, ...next.answers } }));
      return { requests: await requests(), issues };
    },
    inbox: (): Promise<InboxSettings> => readInboxSettings(deps.store),
    async saveInbox(next: InboxSettings): Promise<InboxSettings> {
      await deps.store.putSetting(INBOX_SETTINGS_KEY, toJson(next), deps.clock());
      return next;
    },
    /**
     * The wa.me link (and its QR code as SVG) for the business number, prefilled with `text` or with
     * the first trigger keyword of `flowId`, so that scanning it starts that flow.
     */
    async waLink(input: { flowId?: string | undefined; text?: string | undefined }): Promise<{ url: string; text: string; qrSvg: string }> {
      const { phoneNumber } = await profile();
      if (!phoneNumber) throw new AppError({ code: 'settings/no-phone-number', message: "Set the business's WhatsApp number in the business profile first.", httpStatus: 409 });
      let text = input.text ?? '';
      if (input.flowId !== undefined) {
        const bot = deps.bots.current();
        const flow = bot?.flows.get(input.flowId)?.flow;
        if (!flow || !bot) throw badRequest('settings/unknown-flow', `No published flow ${input.flowId}.`);
        const keywords = flow.triggers.keywords[bot.settings.defaultLocale] ?? Object.values(flow.triggers.keywords)[0] ?? [];
        const keyword = keywords[0];
        if (!keyword) throw badRequest('settings/flow-without-keyword', `Flow ${input.flowId} has no trigger keyword to prefill.`);
        text = keyword;
      }
      const url = `https://wa.me/${phoneNumber}${text ? `?text=${encodeURIComponent(text)}` : ''}`;
      const qrSvg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
      return { url, text, qrSvg };
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
