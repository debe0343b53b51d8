export { WHATSAPP_LIMITS } from '@switchboard/engine/schema';

/** Characters as WhatsApp counts them (code points, so an emoji is one), the way validation counts. */
export const characterCount = (text: string): number => [...text].length;
export { messageBodyLimit } from '@switchboard/engine/schema';
