import { describe, expect, it } from 'vitest';
import { compileBot } from '../compile/compileBot.js';
import { flow, t } from '../testing/flowBuilder.js';
import { decideLocale } from './conversationLocale.js';

const doc = flow('orders', { triggers: { keywords: { en: ['order', 'track my order'], ru: ['заказ', 'где мой заказ'] }, intents: [] } })
  .node('s', 'start', {})
  .node('m', 'message', { text: t('Hi', 'Привет') })
  .edge('s', 'next', 'm')
  .build();
const compiled = compileBot({ flows: [doc] });
if (!compiled.ok) throw new Error('the test flow does not compile');
const bot = compiled.bot;
const decide = (text: string, locale: string, settled: boolean) => decideLocale(bot, { text, locale, settled });

describe('decideLocale', () => {
  it('takes the language of a first message with enough letters', () => {
    expect(decide('Где мой заказ?', 'en', false)).toEqual({ locale: 'ru', settled: true });
    expect(decide('where is my parcel', 'en', false)).toEqual({ locale: 'en', settled: true });
  });

  it('leaves the language undecided after a message with too little to go on', () => {
    expect(decide('ORD-5521', 'en', false)).toEqual({ locale: 'en', settled: false });
    expect(decide('👍', 'en', false)).toEqual({ locale: 'en', settled: false });
    expect(decide('Вл', 'en', false)).toEqual({ locale: 'ru', settled: false });
  });

  it.each(['ORD-5521', '5521', 'ok', 'OK!', '👍', 'https://shop.example/pay/ORD-7310', 'ann@example.com', 'Ivan Petrov', 'Ivan', 'BK-48213 pls', 'iPhone 15'])(
    'keeps a Russian conversation Russian when the customer sends only %j',
    (text) => {
      expect(decide(text, 'ru', true)).toEqual({ locale: 'ru', settled: true });
    },
  );

  it.each(['Анна', 'ок', 'да'])('keeps an English conversation English when the customer sends only %j', (text) => {
    expect(decide(text, 'en', true)).toEqual({ locale: 'en', settled: true });
  });

  it('changes a settled language for a message clearly written in the other one', () => {
    expect(decide('where is my order', 'ru', true)).toEqual({ locale: 'en', settled: true });
    expect(decide('track my order please', 'ru', true)).toEqual({ locale: 'en', settled: true });
    expect(decide('а где мой заказ?', 'en', true)).toEqual({ locale: 'ru', settled: true });
  });

  it('takes one long word the bot knows, alone, as clear', () => {
    expect(decide('заказ', 'en', true)).toEqual({ locale: 'ru', settled: true });
  });

  it('ignores ids and links when weighing the scripts', () => {
    expect(decide('ORD-5521 https://example.com где мой заказ', 'en', true)).toEqual({ locale: 'ru', settled: true });
  });
});
