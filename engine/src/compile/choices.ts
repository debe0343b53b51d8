import type { NodeOfType } from '../schema/index.js';
import type { KeywordMatcher } from '../nlu/types.js';
import { foldText } from '../text/foldText.js';
import type { Ctx } from './machineKit.js';
import type { FlowEvent } from './types.js';

/** The buttons and list rows of a message node, and how a customer's reply picks one of them. */
export interface Choice {
  id: string;
  folded: Set<string>;
  matcher: KeywordMatcher;
}

export function choiceItems(node: NodeOfType<'message'>) {
  return [...(node.data.buttons ?? []), ...(node.data.list?.rows ?? [])];
}

export function compileChoices(c: Ctx, node: NodeOfType<'message'>): Choice[] {
  return choiceItems(node).map((item, index) => {
    const titles = Object.entries(item.title);
    return {
      id: item.id,
      folded: new Set([String(index + 1), ...titles.map(([, t]) => foldText(t))]),
      matcher: c.nlu.compileKeywords(Object.fromEntries(titles.map(([locale, t]) => [locale, [t]]))),
    };
  });
}

function choiceMatches(choice: Choice, event: FlowEvent): boolean {
  if (event.type !== 'customer') return false;
  if (event.content.kind === 'choice') return event.content.id === choice.id;
  const text = event.turn.text;
  if (!text) return false;
  if (choice.folded.has(foldText(text))) return true;
  const analysis = event.turn.analysis;
  return analysis !== null && analysis.tokens.length <= 6 && choice.matcher.match(analysis) !== null;
}

/** Longest reply that may name a choice by part of its title. */
const MAX_PARTIAL_TITLE_WORDS = 4;

/**
 * The choice a customer's reply picks: the first that matches it whole (its id, number, title or
 * the title as a phrase); failing that, the only one whose title holds every word of a short reply
 * ("thanks" → "No, thanks", "другой" → "Другой заказ"). Null when none does, or several would.
 * Every choice's guard asks this of the same event, so the answer is kept per event.
 */
export function createChoicePicker(choices: readonly Choice[]): (event: FlowEvent) => string | null {
  const picks = new WeakMap<FlowEvent, string | null>();
  return (event) => {
    let pick = picks.get(event);
    if (pick === undefined) picks.set(event, (pick = pickChoice(choices, event)));
    return pick;
  };
}

function pickChoice(choices: readonly Choice[], event: FlowEvent): string | null {
  const whole = choices.find((choice) => choiceMatches(choice, event));
  if (whole) return whole.id;
  if (event.type !== 'customer' || event.content.kind === 'choice') return null;
  const analysis = event.turn.analysis;
  if (!analysis || analysis.tokens.length === 0 || analysis.tokens.length > MAX_PARTIAL_TITLE_WORDS) return null;
  const partial = choices.filter((choice) => choice.matcher.within(analysis) > 0);
  return partial.length === 1 ? (partial[0]?.id ?? null) : null;
}
