import { describe, expect, it } from 'vitest';
import { verifyChallenge } from './verifyChallenge.js';

const good = { 'hub.mode': 'subscribe', 'hub.verify_token': 'tok-123', 'hub.challenge': '1158201444' };

describe('verifyChallenge', () => {
  it('returns the challenge verbatim when the mode is subscribe and the token matches', () => {
    expect(verifyChallenge(good, 'tok-123')).toEqual({ ok: true, challenge: '1158201444' });
  });

  it('keeps the challenge as an opaque string when it is not numeric', () => {
    expect(verifyChallenge({ ...good, 'hub.challenge': 'a b+c=' }, 'tok-123')).toEqual({ ok: true, challenge: 'a b+c=' });
  });

  it.each([
    ['the token differs', { ...good, 'hub.verify_token': 'tok-124' }],
    ['the token is a prefix of ours', { ...good, 'hub.verify_token': 'tok' }],
    ['the token is missing', { 'hub.mode': 'subscribe', 'hub.challenge': '1' }],
    ['the mode is not subscribe', { ...good, 'hub.mode': 'unsubscribe' }],
    ['the mode is missing', { 'hub.verify_token': 'tok-123', 'hub.challenge': '1' }],
    ['the challenge is missing', { 'hub.mode': 'subscribe', 'hub.verify_token': 'tok-123' }],
    ['the challenge is empty', { ...good, 'hub.challenge': '' }],
    ['a parameter is repeated (an array)', { ...good, 'hub.verify_token': ['tok-123', 'tok-123'] }],
    ['the query is empty', {}],
  ])('refuses when %s', (_case, query) => {
    expect(verifyChallenge(query, 'tok-123')).toEqual({ ok: false });
  });

  it('refuses everything when no verify token is configured', () => {
    expect(verifyChallenge({ ...good, 'hub.verify_token': '' }, '')).toEqual({ ok: false });
    expect(verifyChallenge(good, undefined)).toEqual({ ok: false });
  });
});
