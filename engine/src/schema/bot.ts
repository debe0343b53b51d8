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
    "We're closed right now. Our opening hours: {{business.hours}}. A person will reply when we open.",
    'Сейчас мы не работаем. Часы работы: {{business.hours}}. Оператор ответит, когда мы откроемся.',
  ),
  unsupported: L(
    "Sorry, I can't read this kind of message. Please type your question.",
    'Извините, я не могу прочитать такое сообщение. Пожалуйста, напишите вопрос текстом.',
  ),
  retry: L("That doesn't look right. Please try again.", 'Похоже, это не то. Попробуйте ещё раз.'),
  /** Said when a republished flow no longer has the step the customer was at. */
  flowChanged: L(
    "We've just updated this part of our chat, so let's pick it up from the start.",
    'Мы только что обновили этот раздел чата, поэтому начнём его сначала.',
  ),
  /** The answer to leave-taking ("bye", "that's all"), wherever the conversation is. */
  goodbye: L('Thanks for contacting {{business.name}}. Have a great day! Write any time if you need us.', 'Спасибо, что написали в {{business.name}}. Хорошего дня! Пишите, если понадобимся.'),
  /** The answer to thanks when the bot is not waiting for anything. */
  thanks: L("You're welcome! Write any time if you need anything else.", 'Пожалуйста! Пишите, если понадобится что-то ещё.'),
  /** Confirms an explicit request to switch language, written in the new language. */
  languageChanged: L("Sure, let's continue in English.", 'Хорошо, продолжим по-русски.'),
  /** The titles of the two buttons the bot adds when it offers a person. */
  handoffButton: L('Talk to a person', 'Позвать оператора'),
  menuButton: L('Main menu', 'Главное меню'),
  /** Sent by the server when it gives up a turn that keeps failing and hands the conversation to people. */
  botError: L(
    "Sorry, something went wrong on our side. I've passed your message to a colleague, who will reply here shortly.",
    'Извините, у нас что-то пошло не так. Я передал ваше сообщение коллеге, он ответит вам здесь в ближайшее время.',
  ),
});
export type BotMessages = z.infer<typeof BotMessagesSchema>;

/**
 * Bot-wide requests: what a customer may ask for anywhere in a conversation, by words per locale.
 * `language` is keyed by the language asked for, in any language's words ("in English please" and
 * "по-английски" both under `en`). The order in which they win is `BOT_REQUEST_PRECEDENCE`.
 */
export const DEFAULT_REQUESTS = {
  handoff: {
    en: ['operator', 'human', 'agent', 'talk to a person', 'speak to a person', 'talk to a human', 'speak to a human', 'talk to someone', 'speak to someone', 'real person', 'live agent', 'customer service'],
    ru: ['оператор', 'человек', 'живой', 'позовите оператора', 'позовите человека', 'соедините с оператором', 'поговорить с человеком', 'поговорить с оператором', 'живой человек', 'сотрудник'],
  },
  menu: { en: ['menu', 'start over', 'main menu'], ru: ['меню', 'главное меню', 'начать заново', 'в начало'] },
  goodbye: {
    en: ['bye', 'goodbye', 'bye bye', 'see you', 'that is all', "that's all", 'that is all thanks', 'nothing else', 'no more questions'],
    ru: ['пока', 'до свидания', 'всего доброго', 'это всё', 'больше ничего', 'больше вопросов нет', 'всё, спасибо'],
  },
  thanks: {
    en: ['thanks', 'thank you', 'thank you very much', 'thanks a lot', 'many thanks', 'great thanks', 'cheers'],
    ru: ['спасибо', 'спасибо большое', 'большое спасибо', 'благодарю', 'спс'],
  },
  greeting: {
    en: ['hi', 'hello', 'hey', 'hi there', 'hello there', 'good morning', 'good afternoon', 'good evening'],
    ru: ['привет', 'здравствуйте', 'добрый день', 'добрый вечер', 'доброе утро', 'здрасте'],
  },
  language: {
    en: ['in english', 'english please', 'speak english', 'english', 'по-английски', 'на английском'],
    ru: ['in russian', 'russian please', 'speak russian', 'по-русски', 'на русском', 'по русски', 'русский'],
  },
} as const satisfies Record<string, Record<string, string[]>>;

/**
 * Which request wins when a message could be several things, first to last. A pressed button
 * always goes to the node that offered it; typed words are read in this order:
 * 1. `handoff`: an explicit request for a person, in a message of any length (ids in it are kept
 *    in the conversation's data for the operator).
 * 2. `language`: an explicit request to switch language.
 * 3. `menu`: start over (a short message).
 * 4. the answer the active flow waits for (a button's title, a valid answer to its question).
 * 5. `goodbye`, `thanks`, `greeting` (a message made only of such words; a bare "ok" counts as
 *    thanks). While a question waits, thanks, greetings and "ok" ask it again; goodbye closes.
 * 6. another topic: a flow's trigger keyword or intent, or an id that a flow's first question takes;
 *    answered in passing when the bot is waiting for an answer and the topic needs nothing more.
 * 7. the active flow's own handling of anything else, or, with no flow active, the main flow.
 */
export const BOT_REQUEST_PRECEDENCE = ['handoff', 'language', 'menu', 'answer', 'goodbye', 'thanks', 'greeting', 'topic', 'flow'] as const;
export type BotRequestKind = 'handoff' | 'language' | 'menu' | 'goodbye' | 'thanks' | 'greeting';

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
      handoff: LocalizedListSchema.default(DEFAULT_REQUESTS.handoff),
      menu: LocalizedListSchema.default(DEFAULT_REQUESTS.menu),
      goodbye: LocalizedListSchema.default(DEFAULT_REQUESTS.goodbye),
      thanks: LocalizedListSchema.default(DEFAULT_REQUESTS.thanks),
      greeting: LocalizedListSchema.default(DEFAULT_REQUESTS.greeting),
      language: LocalizedListSchema.default(DEFAULT_REQUESTS.language),
    })
    .default(DEFAULT_REQUESTS),
  greeting: z
    .object({ enabled: z.boolean().default(false), text: LocalizedTextSchema.default({}), afterDays: z.number().positive().default(14) })
    .optional(),
  away: z.object({ enabled: z.boolean().default(false), text: LocalizedTextSchema.optional() }).optional(),
  business: BusinessSchema.default({ name: 'My business', timeZone: 'UTC', address: '', openingHours: {} }),
  messages: BotMessagesSchema.default(BotMessagesSchema.parse({})),
});
export type BotSettings = z.infer<typeof BotSettingsSchema>;
export type BotSettingsInput = z.input<typeof BotSettingsSchema>;
