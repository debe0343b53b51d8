import { describe, expect, it } from 'vitest';
import { addInterval, invalidIntervals, removeInterval, setDayOpen, setInterval } from './openingHours';

describe('opening hours edits', () => {
  it('opens a day with office hours and closes it again', () => {
    const open = setDayOpen({}, 'mon', true);
    expect(open).toEqual({ mon: [{ open: '09:00', close: '18:00' }] });
    expect(setDayOpen(open, 'mon', false)).toEqual({});
  });

  it('adds an interval after the last one and closes the day when the last interval goes', () => {
    const lunch = addInterval(setInterval({ tue: [{ open: '09:00', close: '18:00' }] }, 'tue', 0, { open: '09:00', close: '12:00' }), 'tue');
    expect(lunch.tue).toEqual([{ open: '09:00', close: '12:00' }, { open: '12:00', close: '18:00' }]);
    expect(removeInterval(removeInterval(lunch, 'tue', 0), 'tue', 0)).toEqual({});
  });

  it('flags intervals that close before they open', () => {
    expect(invalidIntervals({ wed: [{ open: '18:00', close: '09:00' }], thu: [{ open: '09:00', close: '17:00' }] })).toEqual(['wed']);
  });
});
