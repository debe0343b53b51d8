import type { HistoryItem } from './inboxApi';

export interface HistoryGroup {
  /** Local day key, e.g. "2025-06-15". */
  day: string;
  items: { item: HistoryItem; /** First of a run from the same sender: show who sent it. */ showSender: boolean }[];
}

const dayKey = (at: number): string => {
  const d = new Date(at);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

const senderKey = (item: HistoryItem): string => (item.kind === 'note' ? `note:${item.operatorId}` : `${item.sender}:${item.operatorId ?? ''}`);

/** Splits the history into local days and marks where a new sender's run starts. */
export function groupHistory(history: readonly HistoryItem[]): HistoryGroup[] {
  const groups: HistoryGroup[] = [];
  let previous: HistoryItem | null = null;
  for (const item of history) {
    const day = dayKey(item.at);
    let group = groups.at(-1);
    if (!group || group.day !== day) {
      group = { day, items: [] };
      groups.push(group);
      previous = null;
    }
    const showSender = previous === null || senderKey(previous) !== senderKey(item) || item.at - previous.at > 10 * 60_000;
    group.items.push({ item, showSender });
    previous = item;
  }
  return groups;
}

/** "Today", "Yesterday" or a date, for the day separators. */
export function formatDay(day: string, now: number): string {
  if (day === dayKey(now)) return 'Today';
  if (day === dayKey(now - 86_400_000)) return 'Yesterday';
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1).toLocaleDateString('en', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
}

export const formatClock = (at: number): string => new Date(at).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
