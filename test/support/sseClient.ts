/** One Server-Sent Event as received. */
export interface ReceivedEvent {
  event: string;
  data: unknown;
}

/** Opens an event stream with a session cookie and collects its events until closed. */
export async function openEventStream(url: string, cookie: string): Promise<{ events: ReceivedEvent[]; status: number; close(): void }> {
  const abort = new AbortController();
  const res = await fetch(url, { headers: { cookie, accept: 'text/event-stream' }, signal: abort.signal });
  const events: ReceivedEvent[] = [];
  const body = res.body;
  if (res.ok && body) {
    void (async () => {
      const decoder = new TextDecoder();
      let buffer = '';
      try {
        for await (const chunk of body) {
          buffer += decoder.decode(chunk, { stream: true });
          let end = buffer.indexOf('\n\n');
          while (end >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const event = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (event && data) events.push({ event, data: JSON.parse(data) });
            end = buffer.indexOf('\n\n');
          }
        }
      } catch {
        // Aborted by close().
      }
    })();
  }
  return { events, status: res.status, close: () => abort.abort() };
}
