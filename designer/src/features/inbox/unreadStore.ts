import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { ConversationSummary } from './inboxApi';

interface UnreadState {
  /** When the operator last looked at each conversation (epoch ms). */
  seenAt: Record<string, number>;
  markSeen: (conversationId: string, at: number) => void;
}

/** What this browser has seen, kept across reloads. */
export const useUnreadStore = create<UnreadState>()(
  persist(
    (set) => ({
      seenAt: {},
      markSeen: (conversationId, at) => set((s) => (s.seenAt[conversationId] !== undefined && s.seenAt[conversationId] >= at ? s : { seenAt: { ...s.seenAt, [conversationId]: at } })),
    }),
    { name: 'switchboard.inbox.seen' },
  ),
);

/** A conversation is unread when the customer wrote after the operator last looked at it. */
export const isUnread = (c: Pick<ConversationSummary, 'id' | 'lastInboundAt' | 'status'>, seenAt: Record<string, number>): boolean =>
  (c.status === 'queued' || c.status === 'assigned') && c.lastInboundAt !== null && c.lastInboundAt > (seenAt[c.id] ?? 0);
