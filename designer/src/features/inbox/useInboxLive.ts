import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { applyInboxEvent, InboxEventSchema, isConversationView } from './applyInboxEvent';
import { heartbeat, inboxKeys } from './inboxApi';

const HEARTBEAT_MS = 30_000;

function handle(queryClient: QueryClient, raw: string, type: string): void {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return;
  }
  const parsed = InboxEventSchema.safeParse({ ...(typeof data === 'object' && data !== null ? data : {}), type });
  if (!parsed.success) return;
  const event = parsed.data;
  queryClient.setQueryData(inboxKeys.view(event.conversationId), (view: unknown) => (isConversationView(view) ? applyInboxEvent(view, event) : view));
  if (event.type !== 'status') {
    void queryClient.invalidateQueries({ queryKey: inboxKeys.lists });
    void queryClient.invalidateQueries({ queryKey: inboxKeys.view(event.conversationId) });
  }
}

/**
 * Keeps the inbox live while the app is open: the event stream patches and refreshes the cached
 * lists and conversations, and heartbeats keep the operator online for auto-assignment.
 */
export function useInboxLive(enabled: boolean): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/events/stream', { withCredentials: true });
    const listen = (type: string) => (e: MessageEvent<string>) => handle(queryClient, e.data, type);
    const handlers = (['conversation', 'message', 'status'] as const).map((type) => [type, listen(type)] as const);
    for (const [type, fn] of handlers) source.addEventListener(type, fn);
    // After a reconnect the stream says hello again: anything may have changed while it was down.
    const onHello = () => void queryClient.invalidateQueries({ queryKey: inboxKeys.all });
    source.addEventListener('hello', onHello);
    const beat = () => void heartbeat().catch(() => undefined);
    beat();
    const timer = window.setInterval(beat, HEARTBEAT_MS);
    return () => {
      window.clearInterval(timer);
      source.close();
    };
  }, [enabled, queryClient]);
}
