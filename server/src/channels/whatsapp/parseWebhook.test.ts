import { describe, expect, it } from 'vitest';
import { parseWebhook, type ParsedInbound } from './parseWebhook.js';
import { fixtureJson, type WhatsAppFixture } from './testing/fixtures.js';

const business = { phoneNumberId: '100000000000001', displayPhoneNumber: '15550001111' };
const userOne = { from: '15550002222', profileName: 'Test User One' };

function onlyMessage(name: WhatsAppFixture): ParsedInbound {
  const parsed = parseWebhook(fixtureJson(name));
  expect(parsed.problems).toEqual([]);
  expect(parsed.statuses).toEqual([]);
  expect(parsed.messages).toHaveLength(1);
  const [message] = parsed.messages;
  if (message === undefined) throw new Error('no message');
  return message;
}

/** A minimal valid body around the given `value` parts. */
function body(value: Record<string, unknown>): unknown {
  return {
    object: 'whatsapp_business_account',
    entry: [{ id: '200000000000002', changes: [{ field: 'messages', value: { metadata: { phone_number_id: '1' }, ...value } }] }],
  };
}

describe('parseWebhook', () => {
  it('reads a plain text message with sender, business number and time when given text.json', () => {
    expect(onlyMessage('text')).toEqual({
      wamid: 'wamid.FAKE_IN_TEXT_0001',
      ...userOne,
      ...business,
      timestamp: 1_750_000_000_000,
      content: { kind: 'text', text: 'Hi, what are your opening hours?' },
      messageType: 'text',
    });
  });

  it('keeps the quoted message id when the text is a reply', () => {
    const message = onlyMessage('text_with_context');
    expect(message.content).toEqual({ kind: 'text', text: 'Yes, that one please' });
    expect(message.contextWamid).toBe('wamid.FAKE_OUT_TEXT_0007');
  });

  it('reads a choice when the customer taps a reply button', () => {
    const message = onlyMessage('interactive_button_reply');
    expect(message.content).toEqual({ kind: 'choice', id: 'opt_yes', title: 'Yes' });
    expect(message.contextWamid).toBe('wamid.FAKE_OUT_BUTTONS_0001');
    expect(message.messageType).toBe('interactive');
  });

  it('reads a choice when the customer picks a list row', () => {
    const message = onlyMessage('interactive_list_reply');
    expect(message.content).toEqual({ kind: 'choice', id: 'ship_express', title: 'Express' });
    expect(message.contextWamid).toBe('wamid.FAKE_OUT_LIST_0001');
  });

  it('reads a choice keyed by the payload when the customer taps a template quick reply', () => {
    const message = onlyMessage('template_quick_reply_button');
    expect(message.content).toEqual({ kind: 'choice', id: 'CONFIRM_APPOINTMENT', title: 'Confirm' });
    expect(message.contextWamid).toBe('wamid.FAKE_OUT_TEMPLATE_0001');
  });

  it('uses the label as the id when a template quick reply has no payload', () => {
    const parsed = parseWebhook(
      body({ messages: [{ from: '5', id: 'wamid.B', timestamp: '1', type: 'button', button: { text: 'Confirm' } }] }),
    );
    expect(parsed.messages[0]?.content).toEqual({ kind: 'choice', id: 'Confirm', title: 'Confirm' });
  });

  it('reads media with its caption when given an image', () => {
    expect(onlyMessage('image').content).toEqual({ kind: 'media', mediaType: 'image', caption: 'Photo of the damaged parcel' });
  });

  it('reads audio without a caption when given a voice note', () => {
    expect(onlyMessage('audio_voice').content).toEqual({ kind: 'media', mediaType: 'audio' });
  });

  it('reads video, document and sticker as media', () => {
    const parsed = parseWebhook(
      body({
        messages: [
          { from: '5', id: 'wamid.V', timestamp: '1', type: 'video', video: { id: '9', caption: 'clip' } },
          { from: '5', id: 'wamid.D', timestamp: '2', type: 'document', document: { id: '9', filename: 'a.pdf' } },
          { from: '5', id: 'wamid.S', timestamp: '3', type: 'sticker', sticker: { id: '9', animated: false } },
        ],
      }),
    );
    expect(parsed.messages.map((m) => m.content)).toEqual([
      { kind: 'media', mediaType: 'video', caption: 'clip' },
      { kind: 'media', mediaType: 'document' },
      { kind: 'media', mediaType: 'sticker' },
    ]);
  });

  it('reads coordinates, name and address when given a shared place', () => {
    expect(onlyMessage('location').content).toEqual({
      kind: 'location',
      latitude: 37.4422,
      longitude: -122.1617,
      name: 'Example Coffee',
      address: '1 Example Street, Testville, CA 94000',
    });
  });

  it('reads the emoji and the reacted-to message when given a reaction', () => {
    const message = onlyMessage('reaction');
    expect(message.content).toEqual({ kind: 'reaction', emoji: '👍' });
    expect(message.contextWamid).toBe('wamid.FAKE_OUT_TEXT_0007');
  });

  it('reads an empty emoji when the customer removes a reaction', () => {
    const parsed = parseWebhook(
      body({ messages: [{ from: '5', id: 'wamid.R', timestamp: '1', type: 'reaction', reaction: { message_id: 'wamid.O' } }] }),
    );
    expect(parsed.messages[0]?.content).toEqual({ kind: 'reaction', emoji: '' });
  });

  it('reads contact names from formatted_name, falling back to first and last name', () => {
    const parsed = parseWebhook(
      body({
        messages: [
          {
            from: '5',
            id: 'wamid.C',
            timestamp: '1',
            type: 'contacts',
            contacts: [
              { name: { formatted_name: 'Ada Lovelace', first_name: 'Ada' }, phones: [{ phone: '+1' }] },
              { name: { first_name: 'Alan', last_name: 'Turing' } },
              { phones: [{ phone: '+2' }] },
            ],
          },
        ],
      }),
    );
    expect(parsed.messages[0]?.content).toEqual({ kind: 'contacts', names: ['Ada Lovelace', 'Alan Turing'] });
  });

  it('reads unsupported when WhatsApp could not relay the message', () => {
    const message = onlyMessage('unsupported');
    expect(message.content).toEqual({ kind: 'unsupported' });
    expect(message.wamid).toBe('wamid.FAKE_IN_UNSUPPORTED_0001');
  });

  it('reads unsupported when the type is unknown or an interactive reply we do not handle', () => {
    const parsed = parseWebhook(
      body({
        messages: [
          { from: '5', id: 'wamid.1', timestamp: '1', type: 'hologram', hologram: {} },
          { from: '5', id: 'wamid.2', timestamp: '2', type: 'system', system: { body: 'changed number' } },
          { from: '5', id: 'wamid.3', timestamp: '3', type: 'interactive', interactive: { type: 'nfm_reply', nfm_reply: {} } },
        ],
      }),
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.messages.map((m) => [m.messageType, m.content])).toEqual([
      ['hologram', { kind: 'unsupported' }],
      ['system', { kind: 'unsupported' }],
      ['interactive', { kind: 'unsupported' }],
    ]);
  });

  it('returns both messages in timestamp order with each sender\'s own name when given a batch', () => {
    const parsed = parseWebhook(fixtureJson('batch_two_messages'));
    expect(parsed.problems).toEqual([]);
    expect(parsed.messages.map((m) => [m.wamid, m.from, m.profileName, m.timestamp])).toEqual([
      ['wamid.FAKE_IN_BATCH_0002', '15550003333', 'Test User Two', 1_750_000_899_000],
      ['wamid.FAKE_IN_BATCH_0001', '15550002222', 'Test User One', 1_750_000_900_000],
    ]);
  });

  it.each([
    ['status_sent', 'sent', 'wamid.FAKE_OUT_TEXT_0007', 1_750_001_000_000],
    ['status_delivered', 'delivered', 'wamid.FAKE_OUT_TEXT_0007', 1_750_001_002_000],
    ['status_read', 'read', 'wamid.FAKE_OUT_TEXT_0007', 1_750_001_030_000],
  ] as const)('reads a %s status without an error', (name, status, wamid, timestamp) => {
    const parsed = parseWebhook(fixtureJson(name));
    expect(parsed).toEqual({
      messages: [],
      statuses: [{ wamid, status, timestamp, recipientId: '15550002222', phoneNumberId: '100000000000001' }],
      problems: [],
    });
  });

  it('reads the first error code and explanation when a status failed', () => {
    const parsed = parseWebhook(fixtureJson('status_failed'));
    expect(parsed.problems).toEqual([]);
    expect(parsed.statuses).toEqual([
      {
        wamid: 'wamid.FAKE_OUT_TEXT_0008',
        status: 'failed',
        timestamp: 1_750_200_000_000,
        recipientId: '15550002222',
        phoneNumberId: '100000000000001',
        error: {
          code: '131047',
          message: 'Re-engagement message: More than 24 hours have passed since the recipient last replied to the sender number.',
        },
      },
    ]);
  });

  it('reads a played voice message as read', () => {
    const parsed = parseWebhook(body({ statuses: [{ id: 'wamid.P', status: 'played', timestamp: '9', recipient_id: '5' }] }));
    expect(parsed.statuses[0]?.status).toBe('read');
  });

  it('reads every entry and change when a body carries several', () => {
    const text = fixtureJson('text');
    const status = fixtureJson('status_read');
    const merged = {
      object: 'whatsapp_business_account',
      entry: [...entriesOf(text), ...entriesOf(status), ...entriesOf(fixtureJson('image'))],
    };
    const parsed = parseWebhook(merged);
    expect(parsed.messages.map((m) => m.wamid)).toEqual(['wamid.FAKE_IN_TEXT_0001', 'wamid.FAKE_IN_IMAGE_0001']);
    expect(parsed.statuses.map((s) => s.status)).toEqual(['read']);
  });

  it('keeps the good messages and reports the bad one when one item in a batch is malformed', () => {
    const parsed = parseWebhook(
      body({
        messages: [
          { from: '5', id: 'wamid.OK1', timestamp: '1', type: 'text', text: { body: 'one' } },
          { from: '5', timestamp: '2', type: 'text', text: { body: 'no id' } },
          'not an object',
          { from: '5', id: 'wamid.OK2', timestamp: '3', type: 'text', text: { body: 'two' } },
        ],
        statuses: [{ id: 'wamid.S', status: 'exploded', timestamp: '4', recipient_id: '5' }],
      }),
    );
    expect(parsed.messages.map((m) => m.wamid)).toEqual(['wamid.OK1', 'wamid.OK2']);
    expect(parsed.statuses).toEqual([]);
    expect(parsed.problems).toHaveLength(3);
    expect(parsed.problems[0]).toMatch(/^entry\[0\]\.changes\[0\]\.value\.messages\[1\]: id/);
  });

  it('keeps a message as unsupported and reports it when its typed part is unreadable', () => {
    const parsed = parseWebhook(body({ messages: [{ from: '5', id: 'wamid.T', timestamp: '1', type: 'text', text: {} }] }));
    expect(parsed.messages.map((m) => m.content)).toEqual([{ kind: 'unsupported' }]);
    expect(parsed.problems).toEqual([expect.stringContaining('wamid.T')]);
  });

  it('keeps reading other entries when one entry or change is malformed', () => {
    const parsed = parseWebhook({
      object: 'whatsapp_business_account',
      entry: [null, { id: 'x', changes: [{ nofield: true }, { field: 'messages', value: { metadata: {} } }] }, ...entriesOf(fixtureJson('text'))],
    });
    expect(parsed.messages.map((m) => m.wamid)).toEqual(['wamid.FAKE_IN_TEXT_0001']);
    expect(parsed.problems).toHaveLength(3);
  });

  it('ignores unknown fields when Meta adds them', () => {
    const parsed = parseWebhook(
      body({
        brand_new: { anything: 1 },
        contacts: [{ wa_id: '5', user_id: 'US.1', profile: { name: 'Ann', username: 'ann' }, identity_key_hash: 'x' }],
        messages: [{ from: '5', id: 'wamid.N', timestamp: '1', type: 'text', text: { body: 'hi', extra: true }, new_field: 1 }],
      }),
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.messages[0]).toMatchObject({ wamid: 'wamid.N', profileName: 'Ann', content: { kind: 'text', text: 'hi' } });
  });

  it('uses the business-scoped user id when a username user has no from', () => {
    const parsed = parseWebhook(
      body({
        contacts: [{ user_id: 'US.134', profile: { name: 'Ann' } }, { wa_id: '7', profile: { name: 'Bob' } }],
        messages: [{ from_user_id: 'US.134', id: 'wamid.U', timestamp: '1', type: 'text', text: { body: 'hi' } }],
      }),
    );
    expect(parsed.messages[0]).toMatchObject({ from: 'US.134', profileName: 'Ann' });
  });

  it('leaves the profile name out when no contact matches among several', () => {
    const parsed = parseWebhook(
      body({
        contacts: [{ wa_id: '7', profile: { name: 'Bob' } }, { wa_id: '8', profile: { name: 'Cy' } }],
        messages: [{ from: '5', id: 'wamid.X', timestamp: '1', type: 'text', text: { body: 'hi' } }],
      }),
    );
    expect(parsed.messages[0]?.profileName).toBeUndefined();
  });

  it('takes the only contact when its wa_id differs from the sender (number normalisation)', () => {
    const parsed = parseWebhook(
      body({
        contacts: [{ wa_id: '5511999999999', profile: { name: 'Bia' } }],
        messages: [{ from: '551199999999', id: 'wamid.BR', timestamp: '1', type: 'text', text: { body: 'oi' } }],
      }),
    );
    expect(parsed.messages[0]?.profileName).toBe('Bia');
  });

  it('skips changes for other subscription fields without a problem', () => {
    const parsed = parseWebhook({
      object: 'whatsapp_business_account',
      entry: [{ id: '1', changes: [{ field: 'message_template_status_update', value: { event: 'APPROVED' } }] }],
    });
    expect(parsed).toEqual({ messages: [], statuses: [], problems: [] });
  });

  it('reports out-of-band errors when the value carries errors', () => {
    const parsed = parseWebhook(body({ errors: [{ code: 130429, title: 'Rate limit hit' }] }));
    expect(parsed.problems).toEqual([expect.stringContaining('WhatsApp reported error 130429: Rate limit hit')]);
  });

  it.each([
    ['an empty object', {}],
    ['a Messenger page payload', { object: 'page', entry: [] }],
    ['an entry that is not an array', { object: 'whatsapp_business_account', entry: {} }],
    ['null', null],
    ['an array', []],
    ['a string', 'hello'],
  ])('returns nothing and one problem without throwing when the body is %s', (_case, input) => {
    const parsed = parseWebhook(input);
    expect(parsed.messages).toEqual([]);
    expect(parsed.statuses).toEqual([]);
    expect(parsed.problems).toHaveLength(1);
  });

  it('rejects a timestamp that is not epoch seconds', () => {
    const parsed = parseWebhook(body({ messages: [{ from: '5', id: 'wamid.T', timestamp: 'yesterday', type: 'text', text: { body: 'x' } }] }));
    expect(parsed.messages).toEqual([]);
    expect(parsed.problems[0]).toMatch(/timestamp/);
  });
});

function entriesOf(payload: unknown): unknown[] {
  if (typeof payload === 'object' && payload !== null && 'entry' in payload && Array.isArray(payload.entry)) {
    return payload.entry;
  }
  throw new Error('not a webhook body');
}
