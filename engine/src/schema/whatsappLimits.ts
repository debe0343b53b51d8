/**
 * The WhatsApp Cloud API's limits on what the bot sends, in UTF-16 code units: the one table that
 * validation, the designer's editors and the channel's sending all read.
 */
export const WHATSAPP_LIMITS = {
  textBody: 4096,
  buttonsBody: 1024,
  listBody: 4096,
  caption: 1024,
  buttons: 3,
  buttonTitle: 20,
  buttonId: 256,
  listButton: 20,
  listRows: 10,
  listRowTitle: 24,
  listRowId: 200,
  listRowDescription: 72,
} as const;

/**
 * How long a message node's text may be as WhatsApp will carry it: the body of reply buttons, of a
 * list, a media caption, or a plain text.
 *
 * @example messageBodyLimit({ buttons: [b1] }) // → 1024
 */
export function messageBodyLimit(data: { buttons?: readonly unknown[]; list?: unknown; media?: unknown }): number {
  if ((data.buttons?.length ?? 0) > 0) return WHATSAPP_LIMITS.buttonsBody;
  if (data.list !== undefined) return WHATSAPP_LIMITS.listBody;
  if (data.media !== undefined) return WHATSAPP_LIMITS.caption;
  return WHATSAPP_LIMITS.textBody;
}
