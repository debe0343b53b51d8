import { InboundContentSchema, OutboundMessageSchema } from '@switchboard/engine';
import type { Json } from '@switchboard/engine/schema';

/** A one-line, plain-text reading of a stored message's content (for the inbox list and history). */
export function describeContent(direction: 'in' | 'out', content: Json): string {
  if (direction === 'in') {
    const parsed = InboundContentSchema.safeParse(content);
    if (!parsed.success) return '[unreadable message]';
    const c = parsed.data;
    switch (c.kind) {
      case 'text':
        return c.text;
      case 'choice':
        return c.title;
      case 'media':
        return c.caption ? `[${c.mediaType}] ${c.caption}` : `[${c.mediaType}]`;
      case 'location':
        return `[location] ${c.name ?? ''} ${c.address ?? ''}`.trim();
      case 'contacts':
        return `[contacts] ${c.names.join(', ')}`;
      case 'reaction':
        return `[reaction] ${c.emoji}`;
      case 'unsupported':
        return '[unsupported message]';
      default: {
        const unknown: never = c;
        return String(unknown);
      }
    }
  }
  const parsed = OutboundMessageSchema.safeParse(content);
  if (!parsed.success) return '[unreadable message]';
  const m = parsed.data;
  switch (m.kind) {
    case 'text':
    case 'buttons':
    case 'list':
      return m.text;
    case 'media':
      return m.caption ? `[${m.mediaType}] ${m.caption}` : `[${m.mediaType}]`;
    case 'template':
      return `[template ${m.name}] ${m.parameters.join(' · ')}`.trim();
    default: {
      const unknown: never = m;
      return String(unknown);
    }
  }
}
