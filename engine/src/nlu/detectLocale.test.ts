import { describe, expect, it } from 'vitest';
import { detectLocale } from './detectLocale.js';

const bilingual = { locales: ['en', 'ru'] };

describe('detectLocale', () => {
  it('picks ru when the text is Cyrillic, whatever the hint', () => {
    expect(detectLocale('где мой заказ', { ...bilingual, localeHint: 'en' })).toEqual({ locale: 'ru', confidence: 1 });
  });

  it('picks en when the text is Latin, whatever the hint', () => {
    expect(detectLocale('menu please', { ...bilingual, localeHint: 'ru' }).locale).toBe('en');
  });

  it('keeps the hint when the text has only digits', () => {
    expect(detectLocale('5521', { ...bilingual, localeHint: 'ru' })).toEqual({ locale: 'ru', confidence: 0.5 });
    expect(detectLocale('+7 916 123-45-67', { ...bilingual, localeHint: 'en' }).locale).toBe('en');
  });

  it('follows the majority script with a lower confidence when scripts are mixed', () => {
    const decision = detectLocale('мой заказ ORD', { ...bilingual, localeHint: 'en' });
    expect(decision.locale).toBe('ru');
    expect(decision.confidence).toBeCloseTo(8 / 11);
  });

  it('keeps the hint when it is written in the detected script', () => {
    expect(detectLocale('hola', { locales: ['en', 'es'], localeHint: 'es' }).locale).toBe('es');
  });

  it('keeps the hint when the bot has no locale in the detected script', () => {
    expect(detectLocale('привет', { locales: ['en', 'es'], localeHint: 'es' })).toEqual({ locale: 'es', confidence: 0.5 });
  });
});
