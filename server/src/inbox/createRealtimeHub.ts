import type { PublicUser } from '../auth/authService.js';
import type { SseChannel } from '../http/route.js';
import type { Logger } from '../logger.js';
import type { Store, UserRole } from '../store/types.js';

/** How long one heartbeat (or an open stream's ping) keeps an operator online. */
export const PRESENCE_TTL_MS = 60_000;
const PING_MS = 25_000;

/** What the inbox pushes: a conversation's summary changed, its history grew, a delivery state moved. */
export type InboxEvent =
  | { type: 'conversation'; conversationId: string; data: Record<string, unknown> }
  | { type: 'message'; conversationId: string; data: Record<string, unknown> }
  | { type: 'status'; conversationId: string; data: Record<string, unknown> };

interface Client {
  user: PublicUser;
  channel: SseChannel;
  ping: NodeJS.Timeout;
}

const INBOX_ROLES: readonly UserRole[] = ['admin', 'operator'];

/**
 * Server-Sent Events fan-out to every open browser of an inbox role in this process, and presence:
 * an open stream (pinged every 25 s) or a heartbeat keeps a user online for a minute, recorded in
 * the store so that every process sees it when it auto-assigns.
 */
export function createRealtimeHub(deps: { store: Store; clock: () => number; logger: Logger; onOnline?: (userId: string) => void }) {
  const clients = new Set<Client>();

  async function touch(userId: string): Promise<void> {
    await deps.store.touchPresence(userId, deps.clock() + PRESENCE_TTL_MS).catch((error: unknown) => deps.logger.warn({ err: error }, 'presence not recorded'));
  }

  return {
    attach(user: PublicUser, channel: SseChannel): void {
      const ping = setInterval(() => {
        channel.comment('ping');
        void touch(user.id);
      }, PING_MS);
      ping.unref();
      const client: Client = { user, channel, ping };
      clients.add(client);
      channel.onClose(() => {
        clearInterval(ping);
        clients.delete(client);
      });
      channel.send('hello', { userId: user.id, at: deps.clock() });
      void touch(user.id).then(() => deps.onOnline?.(user.id));
    },
    async heartbeat(userId: string): Promise<void> {
      await touch(userId);
      deps.onOnline?.(userId);
    },
    publish(event: InboxEvent): void {
      for (const client of clients) {
        if (INBOX_ROLES.includes(client.user.role)) client.channel.send(event.type, { conversationId: event.conversationId, ...event.data });
      }
    },
    connectedUserIds(): string[] {
      return [...new Set([...clients].map((c) => c.user.id))];
    },
    /** Ends every stream (the server cannot close while they are open). */
    close(): void {
      for (const client of clients) {
        clearInterval(client.ping);
        client.channel.close();
      }
      clients.clear();
    },
  };
}

export type RealtimeHub = ReturnType<typeof createRealtimeHub>;
