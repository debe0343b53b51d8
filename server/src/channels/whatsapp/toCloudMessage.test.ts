import type { OutboundMessage } from '@switchboard/engine/schema';
import { describe, expect, it } from 'vitest';
import type { CloudMessageBody } from './cloudMessageBody.js';
import { markAsReadBody } from './markAsReadBody.js';
import { WHATSAPP_LIMITS } from '@switchboard/engine/schema';
import { toCloudMessage } from './toCloudMessage.js';

const envelope = { messaging_product: 'whatsapp', recipient_type: 'individual', to: '+15550002222' } as const;

function bodyOf(message: OutboundMessage, to = '15550002222'): CloudMessageBody {
  const result = toCloudMessage({ to, message });
  if (!result.ok) throw new Error(`expected a body, got ${result.code}: ${result.message}`);
  return result.body;
}

function interactiveOf(message: OutboundMessage) {
  const body = bodyOf(message);
  if (body.type !== 'interactive') throw new Error(`expected interactive, got ${body.type}`);
  return body.interactive;
}

describe('toCloudMessage', () => {
  it('builds a text body without a preview when the text has no link', () => {
    expect(bodyOf({ kind: 'text', text: 'Hello' })).toEqual({ ...envelope, type: 'text', text: { body: 'Hello', preview_url: false } });
  });

  it('asks for a link preview when the text contains a URL', () => {
    expect(bodyOf({ kind: 'text', text: 'Track it at https://example.com/t/1' })).toMatchObject({
      text: { preview_url: true },
    });
  });

  it('sends to +digits when given a wa_id or a formatted number', () => {
    expect(bodyOf({ kind: 'text', text: 'x' }, '+1 (555) 000-2222')).toMatchObject({ to: '+15550002222' });
  });

  it('addresses a business-scoped user id as recipient when the customer has no number', () => {
    const body = bodyOf({ kind: 'text', text: 'x' }, 'US.13491208655302741918');
    expect(body).toMatchObject({ recipient: 'US.13491208655302741918' });
    expect(body).not.toHaveProperty('to');
  });

  it('quotes the customer message when replyTo is given', () => {
    const result = toCloudMessage({ to: '1', message: { kind: 'text', text: 'x' }, replyTo: 'wamid.IN' });
    expect(result).toMatchObject({ ok: true, body: { context: { message_id: 'wamid.IN' } } });
  });

  it('truncates text to 4096 characters with an ellipsis when it is longer', () => {
    const body = bodyOf({ kind: 'text', text: 'a'.repeat(5000) });
    if (body.type !== 'text') throw new Error('expected text');
    expect(body.text.body).toHaveLength(4096);
    expect(body.text.body.endsWith('a…')).toBe(true);
  });

  it('builds reply buttons when given up to three buttons', () => {
    expect(
      bodyOf({
        kind: 'buttons',
        text: 'Confirm your order?',
        buttons: [
          { id: 'yes', title: 'Yes' },
          { id: 'no', title: 'No' },
        ],
      }),
    ).toEqual({
      ...envelope,
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: 'Confirm your order?' },
        action: {
          buttons: [
            { type: 'reply', reply: { id: 'yes', title: 'Yes' } },
            { type: 'reply', reply: { id: 'no', title: 'No' } },
          ],
        },
      },
    });
  });

  it.each(['image', 'video', 'document'] as const)('adds a %s header by link when the buttons carry media', (kind) => {
    const interactive = interactiveOf({
      kind: 'buttons',
      text: 'Look',
      buttons: [{ id: 'ok', title: 'OK' }],
      media: { kind, url: 'https://cdn.example.com/file' },
    });
    expect(interactive).toMatchObject({ header: { type: kind, [kind]: { link: 'https://cdn.example.com/file' } } });
  });

  it('truncates button titles to 20 and the body to 1024 characters when they are longer', () => {
    const interactive = interactiveOf({
      kind: 'buttons',
      text: 'b'.repeat(2000),
      buttons: [{ id: 'long', title: 'Express delivery tomorrow morning' }],
    });
    if (interactive.type !== 'button') throw new Error('expected buttons');
    expect(interactive.body.text).toHaveLength(1024);
    expect(interactive.action.buttons[0]?.reply.title).toBe('Express delivery to…');
  });

  it('keeps button titles unique when truncation makes them collide', () => {
    const interactive = interactiveOf({
      kind: 'buttons',
      text: 'Pick',
      buttons: [
        { id: 'a', title: 'Delivery to my home address' },
        { id: 'b', title: 'Delivery to my home address please' },
      ],
    });
    if (interactive.type !== 'button') throw new Error('expected buttons');
    const titles = interactive.action.buttons.map((b) => b.reply.title);
    expect(new Set(titles).size).toBe(2);
    expect(titles.every((t) => t.length <= WHATSAPP_LIMITS.buttonTitle)).toBe(true);
  });

  it('keeps the first three buttons and drops repeated ids when given more', () => {
    const interactive = interactiveOf({
      kind: 'buttons',
      text: 'Pick',
      buttons: ['a', 'a', 'b', 'c', 'd'].map((id) => ({ id, title: id.toUpperCase() })),
    });
    if (interactive.type !== 'button') throw new Error('expected buttons');
    expect(interactive.action.buttons.map((b) => b.reply.id)).toEqual(['a', 'b', 'c']);
  });

  it('sends plain text when a buttons message has no buttons', () => {
    expect(bodyOf({ kind: 'buttons', text: 'Just this', buttons: [] })).toMatchObject({ type: 'text', text: { body: 'Just this' } });
  });

  it('builds a list with one section when given rows', () => {
    expect(
      bodyOf({
        kind: 'list',
        text: 'How fast?',
        button: 'Shipping',
        rows: [
          { id: 'ship_std', title: 'Standard' },
          { id: 'ship_express', title: 'Express', description: 'Next day delivery' },
        ],
      }),
    ).toEqual({
      ...envelope,
      type: 'interactive',
      interactive: {
        type: 'list',
        body: { text: 'How fast?' },
        action: {
          button: 'Shipping',
          sections: [
            {
              rows: [
                { id: 'ship_std', title: 'Standard' },
                { id: 'ship_express', title: 'Express', description: 'Next day delivery' },
              ],
            },
          ],
        },
      },
    });
  });

  it('truncates the list button, row titles and descriptions and keeps ten rows when they exceed the limits', () => {
    const interactive = interactiveOf({
      kind: 'list',
      text: 'Choose',
      button: 'Choose a delivery option',
      rows: Array.from({ length: 12 }, (_, i) => ({
        id: `row_${i}`,
        title: `Option number ${i} with a long name`,
        description: 'd'.repeat(100),
      })),
    });
    if (interactive.type !== 'list') throw new Error('expected a list');
    const rows = interactive.action.sections[0]?.rows ?? [];
    expect(interactive.action.button).toBe('Choose a delivery o…');
    expect(rows).toHaveLength(10);
    expect(rows[0]?.title).toBe('Option number 0 with a…');
    expect(rows.every((r) => r.title.length <= 24 && (r.description?.length ?? 0) === 72)).toBe(true);
  });

  it('never splits an emoji when truncating', () => {
    const interactive = interactiveOf({ kind: 'buttons', text: 'x', buttons: [{ id: 'e', title: `${'a'.repeat(18)}👍👍` }] });
    if (interactive.type !== 'button') throw new Error('expected buttons');
    expect(interactive.action.buttons[0]?.reply.title).toBe(`${'a'.repeat(18)}…`);
  });

  it.each([
    ['image', { image: { link: 'https://x.test/a.jpg', caption: 'A photo' } }],
    ['video', { video: { link: 'https://x.test/a.mp4', caption: 'A photo' } }],
    ['document', { document: { link: 'https://x.test/files/invoice%2042.pdf', caption: 'A photo', filename: 'invoice 42.pdf' } }],
  ] as const)('sends %s by link with its caption', (mediaType, expected) => {
    const url = Object.values(expected)[0].link;
    expect(bodyOf({ kind: 'media', mediaType, url, caption: 'A photo' })).toEqual({ ...envelope, type: mediaType, ...expected });
  });

  it('sends audio without a caption even when one is given', () => {
    expect(bodyOf({ kind: 'media', mediaType: 'audio', url: 'https://x.test/a.ogg', caption: 'ignored' })).toEqual({
      ...envelope,
      type: 'audio',
      audio: { link: 'https://x.test/a.ogg' },
    });
  });

  it('truncates a media caption to 1024 characters when it is longer', () => {
    const body = bodyOf({ kind: 'media', mediaType: 'image', url: 'https://x.test/a.jpg', caption: 'c'.repeat(1100) });
    if (body.type !== 'image') throw new Error('expected an image');
    expect(body.image.caption).toHaveLength(1024);
  });

  it('builds a template with body parameters when it has parameters', () => {
    expect(bodyOf({ kind: 'template', name: 'order_update', language: 'en_US', parameters: ['Ada', '1234'] })).toEqual({
      ...envelope,
      type: 'template',
      template: {
        name: 'order_update',
        language: { code: 'en_US' },
        components: [
          {
            type: 'body',
            parameters: [
              { type: 'text', text: 'Ada' },
              { type: 'text', text: '1234' },
            ],
          },
        ],
      },
    });
  });

  it('omits components when the template has no parameters', () => {
    expect(bodyOf({ kind: 'template', name: 'hello_world', language: 'en_US', parameters: [] })).toEqual({
      ...envelope,
      type: 'template',
      template: { name: 'hello_world', language: { code: 'en_US' } },
    });
  });

  it('flattens newlines, tabs and long space runs when a template parameter has them', () => {
    const body = bodyOf({ kind: 'template', name: 't', language: 'en', parameters: ['line one\nline two\tand      more'] });
    expect(body).toMatchObject({ template: { components: [{ parameters: [{ text: 'line one line two and more' }] }] } });
  });

  it.each<[string, OutboundMessage]>([
    ['the text is blank', { kind: 'text', text: '   ' }],
    ['the buttons text is blank', { kind: 'buttons', text: '', buttons: [{ id: 'a', title: 'A' }] }],
    ['a button title is blank', { kind: 'buttons', text: 'x', buttons: [{ id: 'a', title: ' ' }] }],
    ['the list button label is blank', { kind: 'list', text: 'x', button: '', rows: [{ id: 'a', title: 'A' }] }],
    ['a row title is blank', { kind: 'list', text: 'x', button: 'Go', rows: [{ id: 'a', title: '' }] }],
    ['the media URL is blank', { kind: 'media', mediaType: 'image', url: '' }],
    ['the template name is blank', { kind: 'template', name: '', language: 'en', parameters: [] }],
    ['a template parameter is blank', { kind: 'template', name: 't', language: 'en', parameters: ['ok', ''] }],
  ])('returns a permanent invalid-message failure when %s', (_case, message) => {
    expect(toCloudMessage({ to: '15550002222', message })).toMatchObject({
      ok: false,
      retryable: false,
      code: 'whatsapp/invalid-message',
    });
  });

  it('returns a permanent failure when the recipient is blank', () => {
    expect(toCloudMessage({ to: ' ', message: { kind: 'text', text: 'x' } })).toMatchObject({ ok: false, retryable: false });
  });
});

describe('markAsReadBody', () => {
  it('builds the read receipt when given an inbound wamid', () => {
    expect(markAsReadBody('wamid.IN')).toEqual({ messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.IN' });
  });

  it('adds the typing indicator when typing is asked for', () => {
    expect(markAsReadBody('wamid.IN', { typing: true })).toEqual({
      messaging_product: 'whatsapp',
      status: 'read',
      message_id: 'wamid.IN',
      typing_indicator: { type: 'text' },
    });
  });
});
