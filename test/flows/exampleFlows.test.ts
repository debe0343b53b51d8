import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BOT_REQUEST_PRECEDENCE, BotMessagesSchema, BotSettingsSchema, DEFAULT_REQUESTS, LocalizedListSchema, LocalizedTextSchema, parseFlow, validateBot, type Flow, type FlowIssue } from '@switchboard/engine';
import { FLOWS_DIR, loadExampleBot, readExampleFlows, readExampleSettings } from './loadExampleBot.js';

const files = readExampleFlows();
const schema: unknown = JSON.parse(readFileSync(path.join(FLOWS_DIR, 'flow.schema.json'), 'utf8'));
const validateJson = new Ajv2020({ allErrors: true, strict: false, validateFormats: false }).compile(typeof schema === 'object' && schema !== null ? schema : {});

function parsedFlows(): Flow[] {
  return files.map(({ file, doc }) => {
    const parsed = parseFlow(doc);
    if (!parsed.ok) throw new Error(`${file}: ${JSON.stringify(parsed.issues, null, 2)}`);
    return parsed.flow;
  });
}

const describeIssues = (issues: FlowIssue[]): string[] => issues.map((i) => `${i.severity} ${i.code} in ${i.flowId ?? '?'}${i.nodeId ? `/${i.nodeId}` : ''}: ${i.message}`);

describe('the example flows', () => {
  it('are the main menu, booking status, order tracking, FAQ and talk to a person', () => {
    expect(parsedFlows().map((f) => f.id).sort()).toEqual(['booking-status', 'faq', 'main-menu', 'order-tracking', 'talk-to-person']);
  });

  for (const { file, doc } of files) {
    describe(file, () => {
      it('points at the flow JSON Schema and matches it', () => {
        expect(doc).toMatchObject({ $schema: './flow.schema.json' });
        const valid = validateJson(doc);
        expect(validateJson.errors ?? [], JSON.stringify(validateJson.errors, null, 2)).toEqual([]);
        expect(valid).toBe(true);
      });

      it('parses as a flow in English and Russian', () => {
        const parsed = parseFlow(doc);
        expect(parsed.ok, JSON.stringify(parsed.ok ? [] : parsed.issues, null, 2)).toBe(true);
        if (parsed.ok) expect(parsed.flow.locales).toEqual(['en', 'ru']);
      });
    });
  }

  it('validate as one bot with the demo actions without errors or warnings', async () => {
    const { actions } = await loadExampleBot();
    const issues = validateBot(parsedFlows(), { actions: [...actions.keys()] });
    expect(describeIssues(issues)).toEqual([]);
  });

  it('compile together with flows/settings.json', async () => {
    const { bot, issues } = await loadExampleBot();
    expect(describeIssues(issues)).toEqual([]);
    expect(bot.mainFlowId).toBe('main-menu');
  });
});

describe('flows/settings.json', () => {
  const settings = BotSettingsSchema.parse(readExampleSettings());

  it('describes the demo business', () => {
    expect(settings.business).toEqual({
      name: 'Switchboard Demo',
      timeZone: 'Europe/Moscow',
      address: '12 Harbour Street',
      openingHours: expect.objectContaining({
        mon: [{ open: '09:00', close: '18:00' }],
        fri: [{ open: '09:00', close: '18:00' }],
        sat: [{ open: '10:00', close: '16:30' }],
      }),
    });
    expect(settings.business.openingHours.sun ?? []).toEqual([]);
  });

  it('greets after 14 days of silence and sends the away message when closed, in both languages', () => {
    expect(settings.greeting).toMatchObject({ enabled: true, afterDays: 14 });
    expect(Object.keys(settings.greeting?.text ?? {}).sort()).toEqual(['en', 'ru']);
    expect(settings.away?.enabled).toBe(true);
    expect(Object.keys(settings.away?.text ?? {}).sort()).toEqual(['en', 'ru']);
  });

  it('says the business name, address and hours only through {{business.*}}, so a change in Settings changes every answer', () => {
    const { business, ...rest } = settings;
    const times = Object.values(business.openingHours).flatMap((intervals) => (intervals ?? []).flatMap((i) => [i.open, i.close]));
    const anOpeningTime = new RegExp(`(?<!\\d)(${times.map((t) => t.replace(/^0/, '0?')).join('|')})(?!\\d)`);
    const texts = [...files.map(({ doc }) => doc), rest].flatMap(stringsIn);
    const fixed = texts.filter((text) => text.includes(business.name) || text.includes(business.address) || anOpeningTime.test(text));
    expect(fixed).toEqual([]);
  });

  it('hands off on the words the customers use, in both languages', () => {
    expect(settings.interrupts.handoff.en).toEqual(expect.arrayContaining(['operator', 'human', 'agent']));
    expect(settings.interrupts.handoff.ru).toEqual(expect.arrayContaining(['оператор', 'человек', 'живой']));
  });

  it('writes out every bot-wide request in the order they win, and the texts that answer them, as the defaults have them', () => {
    const written = z.object({ interrupts: z.record(z.string(), LocalizedListSchema), messages: z.record(z.string(), LocalizedTextSchema) }).parse(readExampleSettings());
    expect(Object.keys(written.interrupts)).toEqual(BOT_REQUEST_PRECEDENCE.filter((rung) => rung in DEFAULT_REQUESTS));
    expect(written.interrupts).toEqual(DEFAULT_REQUESTS);
    const defaults = BotMessagesSchema.parse({});
    for (const key of ['goodbye', 'thanks', 'languageChanged', 'flowChanged', 'handoffButton', 'menuButton'] as const) expect(written.messages[key]).toEqual(defaults[key]);
  });
});

/** Every string in a JSON document (texts, keywords, descriptions…). */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(stringsIn);
  return [];
}
