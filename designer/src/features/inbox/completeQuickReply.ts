import type { ExpandedQuickReply } from './inboxApi';

/** The `/shortcut` being typed at the end of the draft (after a space or at the start), or null. */
export function shortcutQuery(draft: string): string | null {
  const match = /(?:^|\s)\/([a-z0-9_-]*)$/i.exec(draft);
  return match ? (match[1] ?? '').toLowerCase() : null;
}

/** Quick replies whose shortcut starts with the query, then those that merely contain it. */
export function matchQuickReplies(all: readonly ExpandedQuickReply[], query: string): ExpandedQuickReply[] {
  const starts = all.filter((q) => q.shortcut.startsWith(query));
  const contains = all.filter((q) => !q.shortcut.startsWith(query) && q.shortcut.includes(query));
  return [...starts, ...contains].slice(0, 8);
}

/** The draft with the trailing `/shortcut` replaced by the quick reply's filled-in text. */
export function applyQuickReply(draft: string, quickReply: Pick<ExpandedQuickReply, 'expanded'>): string {
  return draft.replace(/\/[a-z0-9_-]*$/i, quickReply.expanded);
}

/** Whether the whole draft is a `/shortcut` and nothing else ("/", "/refund"). */
export function isBareShortcut(draft: string): boolean {
  return /^\/[a-z0-9_-]*$/i.test(draft.trim());
}
