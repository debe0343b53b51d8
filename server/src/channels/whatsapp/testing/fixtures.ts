import { readFileSync } from 'node:fs';

/** The names of the real webhook payloads under test/fixtures/whatsapp. */
export type WhatsAppFixture =
  | 'audio_voice'
  | 'batch_two_messages'
  | 'image'
  | 'interactive_button_reply'
  | 'interactive_list_reply'
  | 'location'
  | 'reaction'
  | 'status_delivered'
  | 'status_failed'
  | 'status_read'
  | 'status_sent'
  | 'template_quick_reply_button'
  | 'text'
  | 'text_with_context'
  | 'unsupported';

const directory = new URL('../../../../../test/fixtures/whatsapp/', import.meta.url);

/** The fixture's exact bytes, as Meta would POST them (what the signature covers). */
export function fixtureBytes(name: WhatsAppFixture): Buffer {
  return readFileSync(new URL(`${name}.json`, directory));
}

/** The fixture parsed as JSON, as the webhook route hands it to parseWebhook. */
export function fixtureJson(name: WhatsAppFixture): unknown {
  return JSON.parse(fixtureBytes(name).toString('utf8'));
}
