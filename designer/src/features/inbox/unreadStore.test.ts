import { describe, expect, it } from 'vitest';
import { isUnread } from './unreadStore';

describe('isUnread', () => {
  it('is unread when the customer wrote after the last look at an open conversation', () => {
    expect(isUnread({ id: 'c', lastInboundAt: 10, status: 'queued' }, {})).toBe(true);
    expect(isUnread({ id: 'c', lastInboundAt: 10, status: 'queued' }, { c: 10 })).toBe(false);
    expect(isUnread({ id: 'c', lastInboundAt: 11, status: 'assigned' }, { c: 10 })).toBe(true);
  });

  it('is never unread while the bot holds it or once closed', () => {
    expect(isUnread({ id: 'c', lastInboundAt: 10, status: 'bot' }, {})).toBe(false);
    expect(isUnread({ id: 'c', lastInboundAt: 10, status: 'closed' }, {})).toBe(false);
  });
});
