import type { Flow, LocalizedList, LocalizedText, BotSettings } from '../schema/index.js';
import { normalizeText, tokenize } from '../nlu/normalizeText.js';

/**
 * Per locale, every word the bot's own texts of that locale use to recognise customers: trigger
 * keywords, intent examples, button and list titles, route keywords and bot-wide requests. A message
 * made of such words (or of function words) is clearly written in that language.
 */
export function collectVocabulary(flows: readonly Flow[], settings: BotSettings): ReadonlyMap<string, ReadonlySet<string>> {
  const words = new Map<string, Set<string>>();
  const add = (locale: string, text: string) => {
    let set = words.get(locale);
    if (!set) words.set(locale, (set = new Set()));
    for (const token of tokenize(normalizeText(text))) if (!/\d/.test(token)) set.add(token);
  };
  const addList = (list: LocalizedList) => {
    for (const [locale, items] of Object.entries(list)) for (const item of items) add(locale, item);
  };
  const addText = (text: LocalizedText | undefined) => {
    for (const [locale, item] of Object.entries(text ?? {})) add(locale, item);
  };
  for (const flow of flows) {
    addList(flow.triggers.keywords);
    for (const intent of flow.intents) addList(intent.examples);
    for (const node of flow.nodes) {
      if (node.type === 'message') {
        for (const item of [...(node.data.buttons ?? []), ...(node.data.list?.rows ?? [])]) addText(item.title);
      } else if (node.type === 'route') {
        for (const rule of node.data.rules) if (rule.kind === 'keyword') addList(rule.keywords);
      }
    }
  }
  // Language requests are left out: they are written in any language, so they say nothing about one.
  const { handoff, menu, goodbye, thanks, greeting } = settings.interrupts;
  for (const list of [handoff, menu, goodbye, thanks, greeting]) addList(list);
  return words;
}
