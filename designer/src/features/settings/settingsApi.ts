import { z } from 'zod';
import { request } from '../../api/http';

const Interval = z.object({ open: z.string(), close: z.string() });
export type OpeningInterval = z.infer<typeof Interval>;
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
const Localized = z.record(z.string(), z.string());

export const BusinessProfileSchema = z.object({
  name: z.string(),
  description: z.string().default(''),
  address: z.string().default(''),
  email: z.string().default(''),
  website: z.string().default(''),
  phoneNumber: z.string().default(''),
  timeZone: z.string().default('UTC'),
  openingHours: z.partialRecord(z.enum(WEEKDAYS), z.array(Interval)).default({}),
  greeting: z.object({ enabled: z.boolean(), text: Localized.default({}), afterDays: z.number().default(14) }),
  away: z.object({ enabled: z.boolean(), text: Localized.default({}) }),
});
export type BusinessProfile = z.infer<typeof BusinessProfileSchema>;

const Phrases = z.record(z.string(), z.array(z.string()));
/** The bot-wide requests' phrases per locale (`language` keyed by the language asked for) and the texts that answer them. */
export const BotRequestSettingsSchema = z.object({
  phrases: z.object({ handoff: Phrases, language: Phrases, menu: Phrases, goodbye: Phrases, thanks: Phrases, greeting: Phrases }),
  answers: z.object({ handoff: Localized, goodbye: Localized, thanks: Localized, languageChanged: Localized, flowChanged: Localized }),
});
export type BotRequestSettings = z.infer<typeof BotRequestSettingsSchema>;

export const InboxSettingsSchema = z.object({ autoAssign: z.boolean(), capacity: z.number() });
export type InboxSettings = z.infer<typeof InboxSettingsSchema>;

export const RoleSchema = z.enum(['admin', 'analyst', 'operator']);
export type Role = z.infer<typeof RoleSchema>;
export const UserViewSchema = z.object({ id: z.string(), email: z.string(), name: z.string(), role: RoleSchema, disabled: z.boolean(), createdAt: z.number() });
export type UserView = z.infer<typeof UserViewSchema>;

export const ApiKeySchema = z.object({ id: z.string(), name: z.string(), prefix: z.string(), createdAt: z.number(), createdBy: z.string().nullable(), revokedAt: z.number().nullable() });
export type ApiKey = z.infer<typeof ApiKeySchema>;

export const WaLinkSchema = z.object({ url: z.string(), text: z.string(), qrSvg: z.string() });
export type WaLink = z.infer<typeof WaLinkSchema>;

export const settingsKeys = {
  business: ['settings', 'business'] as const,
  requests: ['settings', 'requests'] as const,
  inbox: ['settings', 'inbox'] as const,
  users: ['settings', 'users'] as const,
  apiKeys: ['settings', 'apiKeys'] as const,
  waLink: (text: string) => ['settings', 'waLink', text] as const,
};

const enc = encodeURIComponent;

export const getBusinessProfile = async (): Promise<BusinessProfile> => (await request('/api/settings/business', { schema: z.object({ profile: BusinessProfileSchema }) })).profile;
export const saveBusinessProfile = (profile: BusinessProfile) => request('/api/settings/business', { method: 'PUT', body: profile, schema: z.unknown() });

export const getBotRequests = async (): Promise<BotRequestSettings> => (await request('/api/settings/requests', { schema: z.object({ requests: BotRequestSettingsSchema }) })).requests;
export const saveBotRequests = async (requests: BotRequestSettings): Promise<BotRequestSettings> =>
  (await request('/api/settings/requests', { method: 'PUT', body: requests, schema: z.object({ requests: BotRequestSettingsSchema }) })).requests;

export const getInboxSettings = async (): Promise<InboxSettings> => (await request('/api/settings/inbox', { schema: z.object({ settings: InboxSettingsSchema }) })).settings;
export const saveInboxSettings = async (settings: InboxSettings): Promise<InboxSettings> =>
  (await request('/api/settings/inbox', { method: 'PUT', body: settings, schema: z.object({ settings: InboxSettingsSchema }) })).settings;

export const getWaLink = (text: string): Promise<WaLink> => request(`/api/settings/wa-link${text ? `?text=${enc(text)}` : ''}`, { schema: WaLinkSchema });

export const listUsers = async (): Promise<UserView[]> => (await request('/api/users', { schema: z.object({ users: z.array(UserViewSchema) }) })).users;
const OneTime = z.string().nullable();
export const inviteUser = (input: { email: string; name: string; role: Role }) =>
  request('/api/users', { method: 'POST', body: input, schema: z.object({ user: UserViewSchema, oneTimePassword: OneTime }) });
export const updateUser = (args: { id: string; change: { name?: string; role?: Role; disabled?: boolean } }) =>
  request(`/api/users/${enc(args.id)}`, { method: 'PUT', body: args.change, schema: z.object({ user: UserViewSchema }) });
export const resetPassword = (id: string) => request(`/api/users/${enc(id)}/password`, { method: 'POST', body: {}, schema: z.object({ oneTimePassword: OneTime }) });

export const listApiKeys = async (): Promise<ApiKey[]> => (await request('/api/api-keys', { schema: z.object({ keys: z.array(ApiKeySchema) }) })).keys;
export const createApiKey = (name: string) => request('/api/api-keys', { method: 'POST', body: { name }, schema: z.object({ key: ApiKeySchema, secret: z.string() }) });
export const revokeApiKey = (id: string) => request(`/api/api-keys/${enc(id)}`, { method: 'DELETE', schema: z.object({ key: ApiKeySchema }) });
