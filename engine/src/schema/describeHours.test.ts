import { describe, expect, it } from 'vitest';
import type { Business } from './bot.js';
import { describeHours } from './describeHours.js';

type Hours = Business['openingHours'];
const office = [{ open: '09:00', close: '18:00' }];
const weekdays = (intervals: Hours[keyof Hours]): Hours => ({ mon: intervals, tue: intervals, wed: intervals, thu: intervals, fri: intervals });
const demo: Hours = { ...weekdays(office), sat: [{ open: '10:00', close: '16:30' }], sun: [] };
const both = (openingHours: Hours) => ({ en: describeHours({ openingHours }, 'en'), ru: describeHours({ openingHours }, 'ru') });

describe('describeHours', () => {
  it('groups days with the same hours and says a closed day as closed', () => {
    expect(both(demo)).toEqual({
      en: 'Mon–Fri 9:00–18:00, Sat 10:00–16:30, Sun closed',
      ru: 'пн–пт 9:00–18:00, сб 10:00–16:30, вс — выходной',
    });
  });

  it('reads a missing day as closed, like an empty one', () => {
    const { sun: _sun, ...withoutSunday } = demo;
    expect(both(withoutSunday)).toEqual(both(demo));
  });

  it('groups a run of closed days too', () => {
    expect(both(weekdays(office))).toEqual({ en: 'Mon–Fri 9:00–18:00, Sat–Sun closed', ru: 'пн–пт 9:00–18:00, сб–вс — выходные' });
  });

  it('says closed days in the middle of the week where they fall', () => {
    const hours: Hours = { mon: office, tue: office, sat: [{ open: '10:00', close: '14:00' }] };
    expect(both(hours)).toEqual({
      en: 'Mon–Tue 9:00–18:00, Wed–Fri closed, Sat 10:00–14:00, Sun closed',
      ru: 'пн–вт 9:00–18:00, ср–пт — выходные, сб 10:00–14:00, вс — выходной',
    });
  });

  it('joins two intervals of a day with "and", earliest first', () => {
    const lunchBreak = [{ open: '14:00', close: '18:00' }, { open: '09:00', close: '13:00' }];
    expect(both({ ...weekdays(lunchBreak), sat: [{ open: '10:00', close: '14:00' }] })).toEqual({
      en: 'Mon–Fri 9:00–13:00 and 14:00–18:00, Sat 10:00–14:00, Sun closed',
      ru: 'пн–пт 9:00–13:00 и 14:00–18:00, сб 10:00–14:00, вс — выходной',
    });
  });

  it('keeps days apart with semicolons when a day has three intervals', () => {
    const split = [{ open: '08:00', close: '11:00' }, { open: '12:00', close: '15:00' }, { open: '16:00', close: '20:00' }];
    expect(both({ mon: split, tue: office })).toEqual({
      en: 'Mon 8:00–11:00, 12:00–15:00 and 16:00–20:00; Tue 9:00–18:00; Wed–Sun closed',
      ru: 'пн 8:00–11:00, 12:00–15:00 и 16:00–20:00; вт 9:00–18:00; ср–вс — выходные',
    });
  });

  it('says "daily" when every day has the same hours', () => {
    expect(both({ ...weekdays(office), sat: office, sun: office })).toEqual({ en: 'daily 9:00–18:00', ru: 'ежедневно 9:00–18:00' });
  });

  it('says a day open from 00:00 to 23:59 as open around the clock', () => {
    const allDay = [{ open: '00:00', close: '23:59' }];
    expect(both({ ...weekdays(allDay), sat: office })).toEqual({ en: 'Mon–Fri 24 hours, Sat 9:00–18:00, Sun closed', ru: 'пн–пт круглосуточно, сб 9:00–18:00, вс — выходной' });
    expect(both({ ...weekdays(allDay), sat: allDay, sun: allDay })).toEqual({ en: '24/7', ru: 'круглосуточно, без выходных' });
  });

  it('reads no hours at all as always open, as isOpen does', () => {
    const expected = { en: '24/7', ru: 'круглосуточно, без выходных' };
    expect(both({})).toEqual(expected);
    expect(both({ mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] })).toEqual(expected);
  });

  it('falls back to English for a language it has no words for, and reads a regional locale by its language', () => {
    expect(describeHours({ openingHours: demo }, 'de')).toBe('Mon–Fri 9:00–18:00, Sat 10:00–16:30, Sun closed');
    expect(describeHours({ openingHours: demo })).toBe('Mon–Fri 9:00–18:00, Sat 10:00–16:30, Sun closed');
    expect(describeHours({ openingHours: demo }, 'ru-RU')).toBe('пн–пт 9:00–18:00, сб 10:00–16:30, вс — выходной');
  });

  it('keeps minutes and late hours as written', () => {
    expect(describeHours({ openingHours: { fri: [{ open: '07:30', close: '23:45' }] } }, 'en')).toBe('Mon–Thu closed, Fri 7:30–23:45, Sat–Sun closed');
  });
});
