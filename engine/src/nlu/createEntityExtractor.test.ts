import { describe, expect, it } from 'vitest';
import { createEntityExtractor } from './createEntityExtractor.js';

const extract = createEntityExtractor();

describe('createEntityExtractor', () => {
  it.each([
    ['ORD-5521', 'ORD-5521'],
    ['ord5521', 'ORD-5521'],
    ['ord 5521', 'ORD-5521'],
    ['Ord #5521', 'ORD-5521'],
    ['BK-48213', 'BK-48213'],
    ['bk48213', 'BK-48213'],
    ['bk 48213', 'BK-48213'],
  ])('normalises %s to %s when it is an id', (text, id) => {
    const entities = extract(`my booking is ${text}, thanks`);
    expect(entities.ids).toEqual([id]);
    expect(entities.numbers).toEqual([]);
  });

  it('treats a bare number as a number, not an id', () => {
    expect(extract('it is 5521')).toMatchObject({ ids: [], numbers: [5521] });
  });

  it('reads decimals with a point or a comma when numbers have them', () => {
    expect(extract('2 pizzas, 1.5 l or 0,5 l').numbers).toEqual([2, 1.5, 0.5]);
  });

  it('recognises other hyphenated prefixes only when written with a hyphen', () => {
    expect(extract('invoice INV-2231').ids).toEqual(['INV-2231']);
    expect(extract('at 2231').ids).toEqual([]);
  });

  it('recognises custom prefixes without a hyphen when configured', () => {
    expect(createEntityExtractor({ idPrefixes: ['TK'] })('ticket tk 9912').ids).toEqual(['TK-9912']);
  });

  it('finds emails in lower case when the text has them', () => {
    expect(extract('write to Anna.Smith+shop@Example.co.uk please').emails).toEqual(['anna.smith+shop@example.co.uk']);
  });

  it('finds phones with and without a plus when written with separators', () => {
    expect(extract('call +7 916 123-45-67 or +44 7700 900123').phones).toEqual(['+79161234567', '+447700900123']);
    expect(extract('мой номер 8 (916) 123-45-67').phones).toEqual(['89161234567']);
  });

  it('keeps short digit groups as numbers when there is no plus', () => {
    expect(extract('5521 48213')).toMatchObject({ phones: [], numbers: [5521, 48213] });
  });

  it('finds ISO and dotted dates when they are real dates', () => {
    expect(extract('from 2024-05-01 to 15.06.2024').dates).toEqual(['2024-05-01', '2024-06-15']);
    expect(extract('on 31.02.2024')).toMatchObject({ dates: [] });
  });

  it('claims each span once when kinds overlap', () => {
    const entities = extract('ORD-5521 on 2024-05-01, mail a@b.io');
    expect(entities).toEqual({ numbers: [], ids: ['ORD-5521'], emails: ['a@b.io'], phones: [], dates: ['2024-05-01'] });
  });
});
