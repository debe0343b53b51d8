import { describe, expect, it } from 'vitest';
import { trainNlu } from './trainNlu.js';

const nlu = trainNlu({ locales: ['en', 'ru'], intents: [] });
const en = { localeHint: 'en', locales: ['en', 'ru'] };
const ru = { localeHint: 'ru', locales: ['en', 'ru'] };
const keywords = nlu.compileKeywords({
  en: ['booking', 'order', 'reservation', 'talk to a person', 'where is my order', 'menu', 'main menu', 'operator'],
  ru: ['заказ', 'бронирование', 'оператор', 'позовите оператора', 'меню'],
});
const match = (text: string, options = en) => keywords.match(nlu.analyze(text, options));

describe('compileKeywords', () => {
  it('matches with full confidence when the stem is the same', () => {
    expect(match('my bookings')).toEqual({ keyword: 'booking', confidence: 1 });
    expect(match('где мои заказы', ru)).toEqual({ keyword: 'заказ', confidence: 1 });
  });

  it('tolerates a typo with lower confidence when the word is long enough', () => {
    expect(match('bokking please')?.keyword).toBe('booking');
    expect(match('my reservaton')?.keyword).toBe('reservation');
    expect(match('заказь', ru)?.keyword).toBe('заказ');
    expect(match('бронированье', ru)?.keyword).toBe('бронирование');
    const typo = match('bokking');
    expect(typo?.confidence).toBeGreaterThan(0.8);
    expect(typo?.confidence).toBeLessThan(1);
  });

  it('does not match when a short word is near a keyword', () => {
    expect(match('this or that')).toBeNull();
    expect(match('a border')).toBeNull();
    expect(match('the opera')).toBeNull();
    expect(match('men')).toBeNull();
  });

  it('does not match a word that only shares a very short stem with a keyword', () => {
    expect(match('у меня вопрос', ru)).toBeNull();
    expect(match('меню', ru)?.keyword).toBe('меню');
    const greeting = nlu.compileKeywords({ en: ['hi'] });
    expect(greeting.match(nlu.analyze('where is his parcel', en))).toBeNull();
    expect(greeting.match(nlu.analyze('hi there', en))?.keyword).toBe('hi');
  });

  it('matches a phrase when its words appear in order', () => {
    expect(match('I want to talk to a person now')?.keyword).toBe('talk to a person');
    expect(match('Where is my order?!')?.keyword).toBe('where is my order');
  });

  it('tolerates one extra word inside a phrase with a small penalty', () => {
    const result = match('talk to a real person');
    expect(result?.keyword).toBe('talk to a person');
    expect(result?.confidence).toBeCloseTo(0.95);
  });

  it('does not match a phrase when its words are out of order or missing', () => {
    expect(match('person to talk')).toBeNull();
    expect(match('talk to me')).toBeNull();
  });

  it('scores how well a short message is made of one keyword\'s words', () => {
    const titles = nlu.compileKeywords({ en: ['No, thanks', 'Another order'], ru: ['Нет, спасибо'] });
    const within = (text: string, options = en) => titles.within(nlu.analyze(text, options));
    expect(within('thanks')).toBe(1);
    expect(within('thank you')).toBe(1); // "you" is a function word: the content words decide
    expect(within('спасибо', ru)).toBe(1);
    expect(within('ok thanks')).toBe(1); // an acknowledgement beside the content words does not count
    expect(within('ок, спасибо', ru)).toBe(1);
    expect(within('ok')).toBe(0); // alone it is the whole message, and in no keyword
    expect(within('another')).toBe(1); // only function words: all of them must be in the keyword
    expect(within('thnaks')).toBeGreaterThan(0.5);
    expect(within('thnaks')).toBeLessThan(1);
    expect(within('thanks for the order')).toBe(0); // no single keyword holds both
    expect(within('yes')).toBe(0);
    expect(within('')).toBe(0);
  });

  it('meets chat shorthand the same way in a keyword and in a message', () => {
    const shorthand = nlu.compileKeywords({ en: ['thx'], ru: ['спасибо'] });
    expect(shorthand.match(nlu.analyze('thanks a lot', en))?.keyword).toBe('thx');
    expect(shorthand.match(nlu.analyze('спс', ru))?.keyword).toBe('спасибо');
  });

  it('prefers the longer phrase when both match exactly', () => {
    expect(match('main menu')?.keyword).toBe('main menu');
  });

  it('matches a keyword of another locale with slightly less confidence', () => {
    expect(match('хочу menu', ru)).toEqual({ keyword: 'menu', confidence: 0.95 });
    expect(match('operator', ru)?.keyword).toBe('operator');
  });

  it('matches Russian inflections of a phrase when stems agree', () => {
    expect(match('позовите оператора пожалуйста', ru)?.keyword).toBe('позовите оператора');
  });

  it('returns null when nothing matches', () => {
    expect(match('hello there')).toBeNull();
    expect(match('')).toBeNull();
  });
});
