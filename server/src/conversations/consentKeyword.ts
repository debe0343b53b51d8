import type { InboundContent } from '@switchboard/engine';

export interface ConsentKeyword {
  state: 'in' | 'out';
  /** The confirmation the customer gets, in the language of the word they used. */
  reply: string;
}

const WORDS: Record<string, ConsentKeyword> = {
  stop: { state: 'out', reply: "You won't get notifications from us any more. Reply START to turn them back on." },
  unsubscribe: { state: 'out', reply: "You won't get notifications from us any more. Reply START to turn them back on." },
  стоп: { state: 'out', reply: 'Вы больше не будете получать от нас уведомления. Напишите СТАРТ, чтобы включить их снова.' },
  отписаться: { state: 'out', reply: 'Вы больше не будете получать от нас уведомления. Напишите СТАРТ, чтобы включить их снова.' },
  start: { state: 'in', reply: "You'll get notifications from us again. Reply STOP at any time to turn them off." },
  старт: { state: 'in', reply: 'Уведомления снова включены. Напишите СТОП, чтобы отключить их.' },
};

/**
 * Whether a customer message is a consent keyword: the whole message "STOP" / "СТОП" (opt out) or
 * "START" / "СТАРТ" (opt in), in any case and with stray punctuation. A sentence that merely
 * contains the word is not one.
 *
 * @example consentKeywordOf({ kind: 'text', text: ' Stop! ' })?.state // → 'out'
 */
export function consentKeywordOf(content: InboundContent): ConsentKeyword | null {
  if (content.kind !== 'text') return null;
  const word = content.text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s.!?,;:"'«»()]+/gu, '');
  return WORDS[word] ?? null;
}
