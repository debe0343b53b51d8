/*
 * The request bodies we POST to `/{phone-number-id}/messages` (wire-format reference §8). Only the
 * shapes we produce are typed; the Cloud API accepts more.
 */

/** Who receives it: a phone number (E.164 with `+`) or a business-scoped user id (BSUID). */
export type CloudRecipient = { to: string } | { recipient: string };

export type CloudMediaKind = 'image' | 'video' | 'document' | 'audio';

export interface CloudMediaObject {
  link: string;
  caption?: string;
  filename?: string;
}

export type CloudInteractive =
  | {
      type: 'button';
      header?:
        | { type: 'image'; image: { link: string } }
        | { type: 'video'; video: { link: string } }
        | { type: 'document'; document: { link: string } };
      body: { text: string };
      action: { buttons: { type: 'reply'; reply: { id: string; title: string } }[] };
    }
  | {
      type: 'list';
      body: { text: string };
      action: {
        button: string;
        sections: { title?: string; rows: { id: string; title: string; description?: string }[] }[];
      };
    };

export interface CloudTemplate {
  name: string;
  language: { code: string };
  components?: { type: 'body'; parameters: { type: 'text'; text: string }[] }[];
}

export type CloudMessageContent =
  | { type: 'text'; text: { body: string; preview_url: boolean } }
  | { type: 'interactive'; interactive: CloudInteractive }
  | { type: 'image'; image: CloudMediaObject }
  | { type: 'video'; video: CloudMediaObject }
  | { type: 'document'; document: CloudMediaObject }
  | { type: 'audio'; audio: { link: string } }
  | { type: 'template'; template: CloudTemplate };

/** A complete send body. */
export type CloudMessageBody = {
  messaging_product: 'whatsapp';
  recipient_type: 'individual';
  /** Sends the message as a quoted reply to this wamid. */
  context?: { message_id: string };
} & CloudRecipient &
  CloudMessageContent;

/** Marks an inbound message (and all earlier ones in the chat) as read; same endpoint, no `to`/`type`. */
export interface MarkAsReadBody {
  messaging_product: 'whatsapp';
  status: 'read';
  message_id: string;
  typing_indicator?: { type: 'text' };
}
