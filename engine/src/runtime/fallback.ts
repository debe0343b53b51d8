import type { HandoffReason } from '../schema/index.js';
import { isOpen } from './businessHours.js';
import { resetFlow } from './flowState.js';
import { say, sendText, type Work } from './work.js';

/** Choice ids of the buttons the bot adds when it offers a person; they work from any node. */
export const OFFER_HANDOFF_ID = 'sb:handoff';
export const OFFER_MENU_ID = 'sb:menu';

/** Counts a message the bot did not understand; says so, or past the limit offers a person. */
export function notUnderstood(w: Work, flowId: string | null, nodeId: string | null, options: { silent?: boolean } = {}): void {
  w.missed = true;
  w.snap.misunderstood += 1;
  w.trace.push({ type: 'notUnderstood', flowId, nodeId, count: w.snap.misunderstood });
  if (options.silent) return;
  if (w.snap.misunderstood >= w.bot.settings.fallbackLimit) offerHuman(w, flowId, nodeId, { count: false });
  else sendText(w, say(w, w.bot.settings.messages.notUnderstood));
}

/** Offers a person or the main menu, as two buttons that work from any node. */
export function offerHuman(w: Work, flowId: string | null, nodeId: string | null, options: { count?: boolean } = {}): void {
  if (options.count !== false) {
    w.missed = true;
    w.snap.misunderstood += 1;
    w.trace.push({ type: 'notUnderstood', flowId, nodeId, count: w.snap.misunderstood });
  }
  const { messages } = w.bot.settings;
  w.effects.push({
    type: 'send',
    message: {
      kind: 'buttons',
      text: say(w, messages.offerHuman),
      buttons: [
        { id: OFFER_HANDOFF_ID, title: say(w, messages.handoffButton) },
        { id: OFFER_MENU_ID, title: say(w, messages.menuButton) },
      ],
    },
  });
}

/** Whether this step already offered a person. */
export function offered(w: Work): boolean {
  return w.effects.some((e) => e.type === 'send' && e.message.kind === 'buttons' && e.message.buttons.some((b) => b.id === OFFER_HANDOFF_ID));
}

/** Hands the conversation to a person: says so (or that the business is closed), and leaves the flow. */
export function handoff(w: Work, h: { queue: string; reason: HandoffReason; message: string | null }): void {
  const { settings } = w.bot;
  const closed = settings.away?.enabled === true && !isOpen(settings.business, w.now);
  const text = closed ? say(w, settings.away?.text ?? settings.messages.away) : (h.message ?? say(w, settings.messages.handoff));
  sendText(w, text);
  w.effects.push({ type: 'handoff', queue: h.queue, reason: h.reason });
  resetFlow(w);
  w.snap.misunderstood = 0;
}
