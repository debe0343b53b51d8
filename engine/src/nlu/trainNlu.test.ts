import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { restoreNlu } from './restoreNlu.js';
import { testBot } from './testBot.js';
import { trainNlu } from './trainNlu.js';

const nlu = trainNlu(testBot);
const en = { localeHint: 'en', locales: ['en', 'ru'] };
const ru = { localeHint: 'ru', locales: ['en', 'ru'] };
const top = (text: string, options = en) => nlu.analyze(text, options).intents[0];

/** Fallback threshold the runtime is advised to use. */
const THRESHOLD = 0.5;

describe('trainNlu', () => {
  it.each([
    ['where is my parcel?', 'order_status'],
    ['my order still has not arrived', 'order_status'],
    ['please cancel it', 'cancel_order'],
    ['I would like to reserve a table for 4', 'book_table'],
    ['until what time are you open today', 'opening_hours'],
    ['I want my money back', 'refund'],
  ])('classifies the English paraphrase "%s" as %s with high confidence', (text, intent) => {
    expect(top(text)).toMatchObject({ intent });
    expect(top(text)?.confidence).toBeGreaterThan(THRESHOLD);
  });

  it.each([
    ['где моя посылка', 'order_status'],
    ['отмените мой заказ', 'cancel_order'],
    ['можно забронировать столик на пятницу', 'book_table'],
    ['до скольки вы работаете', 'opening_hours'],
    ['верните мне деньги', 'refund'],
  ])('classifies the Russian paraphrase "%s" as %s with high confidence', (text, intent) => {
    expect(top(text, ru)).toMatchObject({ intent });
    expect(top(text, ru)?.confidence).toBeGreaterThan(THRESHOLD);
  });

  it('tolerates typos when classifying', () => {
    expect(top('cancle my ordr')?.intent).toBe('cancel_order');
  });

  it.each(['the weather is nice today', 'who won the football game', 'tell me a joke', 'погода сегодня хорошая', 'расскажи анекдот', 'asdf qwer', '👍'])(
    'gives low confidence when "%s" is out of domain',
    (text) => {
      expect(top(text, en)?.confidence ?? 0).toBeLessThan(0.3);
    },
  );

  it('lists every intent best first with confidences in [0, 1]', () => {
    const { intents } = nlu.analyze('where is my order', en);
    expect(intents.map((score) => score.intent).sort()).toEqual(testBot.intents.map((intent) => intent.name).sort());
    for (const [i, score] of intents.entries()) {
      expect(score.confidence).toBeGreaterThanOrEqual(0);
      expect(score.confidence).toBeLessThanOrEqual(1);
      if (i > 0) expect(score.confidence).toBeLessThanOrEqual(intents[i - 1]?.confidence ?? 1);
    }
  });

  it('classifies with the locale detected from the script when the hint disagrees', () => {
    const analysis = nlu.analyze('где мой заказ', en);
    expect(analysis.locale).toBe('ru');
    expect(analysis.intents[0]?.intent).toBe('order_status');
  });

  it('fills every field of the analysis when a message has entities', () => {
    const analysis = nlu.analyze('Где мой заказ ORD-5521? Пишите на a@b.io', en);
    expect(analysis).toMatchObject({
      locale: 'ru',
      normalized: 'где мой заказ ord 5521 пишите на a b io',
      tokens: ['где', 'мой', 'заказ', 'ord', '5521', 'пишите', 'на', 'a', 'b', 'io'],
      entities: { ids: ['ORD-5521'], emails: ['a@b.io'], numbers: [] },
    });
    expect(analysis.stems[2]).toBe('заказ');
    // "ORD" and the email's letters are Latin, so the Cyrillic majority is not unanimous.
    expect(analysis.localeConfidence).toBeGreaterThan(0.5);
    expect(analysis.localeConfidence).toBeLessThan(1);
  });

  it('returns no intents when nothing was trained', () => {
    const empty = trainNlu({ locales: ['en'], intents: [] });
    expect(empty.analyze('where is my order', { localeHint: 'en', locales: ['en'] }).intents).toEqual([]);
  });

  it('answers exactly as before when restored from JSON', () => {
    const restored = restoreNlu(JSON.parse(JSON.stringify(nlu.toJSON())));
    for (const text of ['where is my parcel', 'отмените заказ', 'the weather is nice', 'bk 48213', '']) {
      expect(restored.analyze(text, en)).toEqual(nlu.analyze(text, en));
    }
  });

  it('throws when restoring something that is not a model', () => {
    expect(() => restoreNlu({ format: 'other' })).toThrow();
  });

  it('never throws when analysing arbitrary unicode text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const analysis = nlu.analyze(text, en);
        expect(analysis.tokens.length).toBe(analysis.stems.length);
        for (const score of analysis.intents) expect(score.confidence).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 500 },
    );
  });
});
