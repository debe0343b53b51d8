import type { MessageItem } from './inboxApi';

export type Tick = 'none' | 'pending' | 'sent' | 'delivered' | 'read' | 'failed';

/** Which delivery mark an outbound message shows; customer messages show none. */
export function toTick(message: Pick<MessageItem, 'direction' | 'state'>): Tick {
  if (message.direction === 'in') return 'none';
  switch (message.state) {
    case 'queued':
    case 'sending':
    case 'pending':
    case 'processed':
      return 'pending';
    case 'sent':
      return 'sent';
    case 'delivered':
      return 'delivered';
    case 'read':
      return 'read';
    case 'failed':
      return 'failed';
    default: {
      const unknown: never = message.state;
      return unknown;
    }
  }
}

const RANK: Record<Tick, number> = { none: 0, pending: 1, sent: 2, delivered: 3, read: 4, failed: 5 };

/** Delivery statuses can arrive out of order (read before delivered): never move a tick backwards. */
export function laterState<S extends MessageItem['state']>(current: S, next: S): S {
  const a = RANK[toTick({ direction: 'out', state: current })];
  const b = RANK[toTick({ direction: 'out', state: next })];
  return b >= a ? next : current;
}
