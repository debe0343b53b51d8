import { describe, expect, it } from 'vitest';
import { applyInboxEvent, InboxEventSchema } from './applyInboxEvent';
import type { ConversationView } from './inboxApi';

const view: ConversationView = {
  conversation: {
    id: 'c1',
    customerId: '31600000001',
    name: 'Ann',
    status: 'assigned',
    queue: null,
    assigneeId: 'op1',
    handoffReason: null,
    handoffAt: null,
    waitMs: null,
    labels: [],
    lastInboundAt: 1,
    windowEndsAt: 2,
    updatedAt: 1,
  },
  contact: { name: 'Ann', phone: '+31600000001', labels: [], collected: {}, consent: { state: 'unknown', source: null, at: null } },
  window: { endsAt: 2, open: true },
  history: [{ kind: 'message', id: 'm1', direction: 'out', sender: 'operator', operatorId: 'op1', text: 'Hi', at: 1, state: 'read', statusAt: {}, error: null }],
};

describe('applyInboxEvent', () => {
  it('appends new messages and notes once', () => {
    const event = InboxEventSchema.parse({
      type: 'message',
      conversationId: 'c1',
      messages: [{ kind: 'message', id: 'm2', direction: 'out', sender: 'bot', operatorId: null, text: 'Yo', content: {}, at: 2, state: 'queued', statusAt: {}, error: null }],
    });
    const once = applyInboxEvent(view, event);
    expect(once.history.map((h) => h.id)).toEqual(['m1', 'm2']);
    expect(applyInboxEvent(once, event).history).toHaveLength(2);
    const note = InboxEventSchema.parse({ type: 'message', conversationId: 'c1', note: { id: 'n1', operatorId: 'op1', text: 'vip', at: 3, conversationId: 'c1' } });
    expect(applyInboxEvent(once, note).history.at(-1)).toMatchObject({ kind: 'note', text: 'vip' });
  });

  it('moves ticks forward but never back', () => {
    const late = InboxEventSchema.parse({ type: 'status', conversationId: 'c1', messageId: 'm1', state: 'delivered', statusAt: { delivered: 5 } });
    expect(applyInboxEvent(view, late).history[0]).toMatchObject({ state: 'read' });
  });

  it('ignores events of other conversations', () => {
    const other = InboxEventSchema.parse({ type: 'status', conversationId: 'c2', messageId: 'm1', state: 'failed' });
    expect(applyInboxEvent(view, other)).toBe(view);
  });
});
