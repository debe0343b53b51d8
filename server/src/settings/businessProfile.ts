import { BusinessSchema, LocalizedTextSchema } from '@switchboard/engine';
import { z } from 'zod';

/** Profile fields the bot does not read; kept beside the bot settings, which hold the rest. */
export const PROFILE_KEY = 'business.profile';

export const ProfileExtrasSchema = z.object({
  description: z.string().max(512).default(''),
  email: z.union([z.email(), z.literal('')]).default(''),
  website: z.union([z.url({ protocol: /^https?$/ }), z.literal('')]).default(''),
  /** The business's WhatsApp number, digits with the country code (for the wa.me link). */
  phoneNumber: z.union([z.string().regex(/^\d{6,15}$/, 'digits with the country code, no "+"'), z.literal('')]).default(''),
});

const TimeZoneSchema = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'an IANA time zone such as "Europe/Amsterdam"');

/**
 * The business profile and settings page: name, description, address, email, website, opening
 * hours per weekday in a time zone, and the greeting and away messages, each on/off. Name, address,
 * hours, greeting and away are written into the bot settings (the one place the bot reads them).
 */
export const BusinessProfileSchema = ProfileExtrasSchema.extend({
  name: z.string().trim().min(1).max(120),
  address: z.string().max(512).default(''),
  timeZone: TimeZoneSchema.default('UTC'),
  openingHours: BusinessSchema.shape.openingHours,
  greeting: z.object({ enabled: z.boolean(), text: LocalizedTextSchema.default({}), afterDays: z.number().positive().default(14) }),
  away: z.object({ enabled: z.boolean(), text: LocalizedTextSchema.default({}) }),
});
export type BusinessProfile = z.infer<typeof BusinessProfileSchema>;
