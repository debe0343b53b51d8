import { HandoffReasonSchema, type HandoffReason } from '@switchboard/engine/schema';

const LABELS: Record<HandoffReason, string> = {
  flow: 'Flow step',
  requested: 'Customer asked',
  notUnderstood: 'Not understood',
  lowRating: 'Low rating',
  'bot-error': 'Bot error',
};

/**
 * How a handoff reason reads to operators and analysts (inbox, analytics, the handoff node's
 * picker). A reason this build does not know reads as it is stored rather than disappearing.
 *
 * @example handoffReasonLabel('bot-error') // → 'Bot error'
 */
export function handoffReasonLabel(reason: string): string {
  const known = HandoffReasonSchema.safeParse(reason);
  return known.success ? LABELS[known.data] : reason;
}
