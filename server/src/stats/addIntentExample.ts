import { parseFlow } from '@switchboard/engine';
import { AppError } from '../http/AppError.js';
import type { FlowService, FlowView } from '../flows/flowService.js';

const ATTEMPTS = 3;

/**
 * Adds a not-understood text as an example of an intent in the draft of the flow that declares it
 * (or of `flowId`). Goes through the flow service, so the save is checked against the draft's
 * revision; if someone saved in between, the draft is re-read and the example added again.
 * Adding an example the intent already has (ignoring case) changes nothing.
 */
export async function addIntentExample(
  flows: FlowService,
  input: { intent: string; text: string; locale?: string; flowId?: string; by: string | null },
): Promise<{ flow: FlowView; added: boolean; locale: string }> {
  const text = input.text.trim();
  if (text === '') throw new AppError({ code: 'stats/empty-example', message: 'The example is empty.', httpStatus: 400 });
  for (let attempt = 1; ; attempt += 1) {
    const view = await findFlow(flows, input.intent, input.flowId);
    const parsed = parseFlow(view.draft);
    if (!parsed.ok) throw new AppError({ code: 'flow/invalid', message: `The draft of "${view.id}" is not a valid flow; fix it first.`, httpStatus: 409 });
    const flow = parsed.flow;
    const locale = input.locale && flow.locales.includes(input.locale) ? input.locale : guessLocale(text, flow.locales);
    const intents = flow.intents.map((intent) => {
      if (intent.name !== input.intent) return intent;
      const current = intent.examples[locale] ?? [];
      if (current.some((e) => e.toLowerCase() === text.toLowerCase())) return intent;
      return { ...intent, examples: { ...intent.examples, [locale]: [...current, text] } };
    });
    const added = intents.some((intent, i) => intent !== flow.intents[i]);
    if (!added) return { flow: view, added: false, locale };
    try {
      return { flow: await flows.save(view.id, { ...flow, intents }, view.revision, input.by), added: true, locale };
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'flow/conflict') || attempt >= ATTEMPTS) throw error;
    }
  }
}

async function findFlow(flows: FlowService, intent: string, flowId: string | undefined): Promise<FlowView> {
  const candidates = flowId === undefined ? await flows.list() : [await flows.get(flowId)];
  const found = candidates.find((view) => {
    const parsed = parseFlow(view.draft);
    return parsed.ok && parsed.flow.intents.some((i) => i.name === intent);
  });
  if (!found) throw new AppError({ code: 'stats/unknown-intent', message: `No flow${flowId ? ` "${flowId}"` : ''} declares the intent "${intent}".`, httpStatus: 404 });
  return found;
}

/** Cyrillic text goes to Russian if the flow has it; otherwise the flow's first locale. */
function guessLocale(text: string, locales: readonly string[]): string {
  if (/[\u0400-\u04ff]/.test(text) && locales.includes('ru')) return 'ru';
  if (locales.includes('en') && !/[\u0400-\u04ff]/.test(text)) return 'en';
  return locales[0] ?? 'en';
}
