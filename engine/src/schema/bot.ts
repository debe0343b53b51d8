import { z } from 'zod';
import { LocaleSchema, LocalizedListSchema, LocalizedTextSchema } from './common.js';

const TimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time such as "09:00"');
export const OpeningIntervalSchema = z.object({ open: TimeSchema, close: TimeSchema });
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const BusinessSchema = z.object({
  name: z.string().default('My business'),
  timeZone: z.string().default('UTC'),
  address: z.string().default(''),
  /** Per weekday, the intervals the business is open; a missing or empty day is closed. */
  openingHours: z.partialRecord(z.enum(WEEKDAYS), z.array(OpeningIntervalSchema)).default({}),
});
export type Business = z.infer<typeof BusinessSchema>;

const L = (en: string, ru: string) => LocalizedTextSchema.default({ en, ru });

export const BotMessagesSchema = z.object({
  notUnderstood: L("Sorry, I didn't get that. Could you say it another way?", 'Извините, я не понял. Можете сказать иначе?'),
  offerHuman: L(
    "I'm having trouble understanding. Reply \"operator\" to talk to a person, or \"menu\" to start over.",
    'Кажется, я вас не понимаю. Напишите «оператор», чтобы поговорить с человеком, или «меню», чтобы начать заново.',
  ),
  handoff: L('Connecting you with a person. Someone will reply shortly.', 'Соединяю с оператором. Вам скоро ответят.'),
  away: L(
    "We're closed right now. A person will reply when we open.",
    'Сейчас мы не работаем. Оператор ответит, когда мы откроемся.',
  ),
  unsupported: L(
    "Sorry, I can't read this kind of message. Please type your question.",
    'Извините, я не могу прочитать такое сообщение. Пожалуйста, напишите вопрос текстом.',
  ),
  retry: L("That doesn't look right. Please try again.", 'Похоже, это не то. Попробуйте ещё раз.'),
  /** Sent by the server when it gives up a turn that keeps failing and hands the conversation to people. */
  botError: L(
    "Sorry, something went wrong on our side. I've passed your message to a colleague, who will reply here shortly.",
    'Извините, у нас что-то пошло не так. Я передал ваше сообщение коллеге, он ответит вам здесь в ближайшее время.',
  ),
});
export type BotMessages = z.infer<typeof BotMessagesSchema>;

export const BotSettingsSchema = z.object({
  defaultLocale: LocaleSchema.default('en'),
  /** The flow that "menu" returns to and that starts when nothing else matches. */
  mainFlowId: z.string().optional(),
  confidenceThreshold: z.number().min(0).max(1).default(0.5),
  fallbackLimit: z.number().int().min(1).max(10).default(2),
  sessionTimeoutMinutes: z.number().positive().default(30),
  handoffQueue: z.string().default('support'),
  interrupts: z
    .object({
      handoff: LocalizedListSchema.default({
        en: ['operator', 'human', 'agent', 'talk to a person', 'real person'],
        ru: ['оператор', 'человек', 'живой', 'позовите оператора'],
      }),
      menu: LocalizedListSchema.default({ en: ['menu', 'start over', 'main menu'], ru: ['меню', 'главное меню', 'начать заново'] }),
    })
    .default({
      handoff: {
        en: ['operator', 'human', 'agent', 'talk to a person', 'real person'],
        ru: ['оператор', 'человек', 'живой', 'позовите оператора'],
      },
      menu: { en: ['menu', 'start over', 'main menu'], ru: ['меню', 'главное меню', 'начать заново'] },
    }),
  greeting: z
    .object({ enabled: z.boolean().default(false), text: LocalizedTextSchema.default({}), afterDays: z.number().positive().default(14) })
    .optional(),
  away: z.object({ enabled: z.boolean().default(false), text: LocalizedTextSchema.optional() }).optional(),
  business: BusinessSchema.default({ name: 'My business', timeZone: 'UTC', address: '', openingHours: {} }),
  messages: BotMessagesSchema.default(BotMessagesSchema.parse({})),
});
export type BotSettings = z.infer<typeof BotSettingsSchema>;
export type BotSettingsInput = z.input<typeof BotSettingsSchema>;
