import { describe, expect, it } from 'vitest';
import { formatDay, groupHistory } from './groupHistory';
import type { HistoryItem } from './inboxApi';

const at = (day: number, hour: number, minute = 0) => new Date(2025, 5, day, hour, minute).getTime();
const msg = (id: string, time: number, sender: 'customer' | 'bot' | 'operator' = 'customer'): HistoryItem => ({
  kind: 'message',
  id,
  direction: sender === 'customer' ? 'in' : 'out',
  sender,
  operatorId: sender === 'operator' ? 'op1' : null,
  text: id,
  at: time,
  state: 'sent',
  statusAt: {},
  error: null,
});

describe('groupHistory', () => {
  it('splits by local day and shows the sender at the start of each run', () => {
    const groups = groupHistory([
      msg('a', at(14, 10)),
      msg('b', at(14, 10, 1)),
      msg('c', at(14, 10, 2), 'bot'),
      { kind: 'note', id: 'n', operatorId: 'op1', text: 'vip', at: at(14, 10, 3) },
      msg('d', at(15, 9)),
    ]);
    expect(groups.map((g) => g.day)).toEqual(['2025-06-14', '2025-06-15']);
    expect(groups[0]?.items.map((i) => i.showSender)).toEqual([true, false, true, true]);
    expect(groups[1]?.items.map((i) => i.showSender)).toEqual([true]);
  });

  it('shows the sender again after a long pause', () => {
    const groups = groupHistory([msg('a', at(14, 10)), msg('b', at(14, 11))]);
    expect(groups[0]?.items.map((i) => i.showSender)).toEqual([true, true]);
  });
});

describe('formatDay', () => {
  it('names today and yesterday', () => {
    expect(formatDay('2025-06-15', at(15, 12))).toBe('Today');
    expect(formatDay('2025-06-14', at(15, 12))).toBe('Yesterday');
    expect(formatDay('2025-06-01', at(15, 12))).toContain('Jun');
  });
});
