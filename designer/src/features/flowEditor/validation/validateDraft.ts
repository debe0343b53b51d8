import { parseFlow, validateFlow, type Flow, type ValidationContext } from '@switchboard/engine/schema';
import type { Issue } from '../../../api/schemas';

/**
 * Everything wrong with the draft: schema problems first (a half-typed field), and only when the
 * document is well-formed, the engine's full validation.
 */
export function validateDraft(flow: Flow, context: ValidationContext): Issue[] {
  const parsed = parseFlow(flow);
  if (!parsed.ok) return parsed.issues;
  return validateFlow(parsed.flow, context);
}
