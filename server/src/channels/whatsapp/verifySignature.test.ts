import { describe, expect, it } from 'vitest';
import { fixtureBytes, fixtureJson } from './testing/fixtures.js';
import { signBody, verifySignature } from './verifySignature.js';

const appSecret = 'fake_app_secret';
// The reference vector over the committed bytes of text.json (wire-format reference §13).
const textJsonHeader = 'sha256=a116b59152a33c4aedc2c308b75198b76dc92f02b70df0615d1efab4d069318c';

describe('verifySignature', () => {
  it('accepts the reference signature when given the exact fixture bytes', () => {
    expect(verifySignature({ rawBody: fixtureBytes('text'), header: textJsonHeader, appSecret })).toBe(true);
  });

  it('accepts upper-case hex when the header is otherwise right', () => {
    const header = `sha256=${textJsonHeader.slice(7).toUpperCase()}`;
    expect(verifySignature({ rawBody: fixtureBytes('text'), header, appSecret })).toBe(true);
  });

  it('rejects the body when it was re-serialized instead of kept raw', () => {
    const reserialized = Buffer.from(JSON.stringify(fixtureJson('text')));
    expect(verifySignature({ rawBody: reserialized, header: textJsonHeader, appSecret })).toBe(false);
  });

  it('rejects the signature when the secret differs', () => {
    expect(verifySignature({ rawBody: fixtureBytes('text'), header: textJsonHeader, appSecret: 'other' })).toBe(false);
  });

  it('rejects the signature when one byte of the body changed', () => {
    const body = Buffer.from(fixtureBytes('text'));
    body[body.length - 2] = 0x20;
    expect(verifySignature({ rawBody: body, header: textJsonHeader, appSecret })).toBe(false);
  });

  it('rejects the request when the header is missing or empty', () => {
    expect(verifySignature({ rawBody: fixtureBytes('text'), header: undefined, appSecret })).toBe(false);
    expect(verifySignature({ rawBody: fixtureBytes('text'), header: '', appSecret })).toBe(false);
  });

  it.each([
    ['no prefix', textJsonHeader.slice(7)],
    ['a sha1 prefix', `sha1=${textJsonHeader.slice(7)}`],
    ['non-hex characters', `sha256=${'zz'.repeat(32)}`],
    ['an odd number of hex digits', `${textJsonHeader}0`],
    ['a digest that is too short', textJsonHeader.slice(0, -2)],
    ['a digest that is too long', `${textJsonHeader}00`],
    ['a 128-digit digest', `sha256=${'ab'.repeat(64)}`],
  ])('rejects the header without throwing when it has %s', (_case, header) => {
    expect(verifySignature({ rawBody: fixtureBytes('text'), header, appSecret })).toBe(false);
  });

  it('rejects every request when the app secret is empty', () => {
    const rawBody = Buffer.from('{}');
    expect(verifySignature({ rawBody, header: signBody(rawBody, ''), appSecret: '' })).toBe(false);
  });
});

describe('signBody', () => {
  it('produces the reference header when given the fixture bytes', () => {
    expect(signBody(fixtureBytes('text'), appSecret)).toBe(textJsonHeader);
  });

  it('produces a header that verifySignature accepts when given any body', () => {
    const rawBody = Buffer.from('{"name":"Zoë 👍"}');
    expect(verifySignature({ rawBody, header: signBody(rawBody, 's3cret'), appSecret: 's3cret' })).toBe(true);
  });
});
