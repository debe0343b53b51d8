import { describe, expect, it } from 'vitest';
import { applyQuickReply, isBareShortcut, matchQuickReplies, shortcutQuery } from './completeQuickReply';

const qr = (shortcut: string, expanded = `text of ${shortcut}`) => ({ id: shortcut, shortcut, text: expanded, expanded });

describe('shortcutQuery', () => {
  it('finds a /shortcut at the start or after a space', () => {
    expect(shortcutQuery('/thx')).toBe('thx');
    expect(shortcutQuery('Hello /Ord')).toBe('ord');
    expect(shortcutQuery('/')).toBe('');
  });

  it('ignores slashes inside words and finished shortcuts', () => {
    expect(shortcutQuery('and/or')).toBeNull();
    expect(shortcutQuery('/thx ')).toBeNull();
    expect(shortcutQuery('https://example.com')).toBeNull();
  });
});

describe('matchQuickReplies', () => {
  it('puts prefix matches before substring matches', () => {
    const all = [qr('order-status'), qr('thanks'), qr('reorder')];
    expect(matchQuickReplies(all, 'order').map((q) => q.shortcut)).toEqual(['order-status', 'reorder']);
    expect(matchQuickReplies(all, '')).toHaveLength(3);
  });
});

describe('applyQuickReply', () => {
  it('replaces the trailing shortcut with the filled-in text', () => {
    expect(applyQuickReply('Sure! /thx', qr('thx', 'Thank you, Ann!'))).toBe('Sure! Thank you, Ann!');
    expect(applyQuickReply('/thx', qr('thx', 'Thanks'))).toBe('Thanks');
  });
});

describe('isBareShortcut', () => {
  it('is true only when the whole draft is a shortcut', () => {
    expect(isBareShortcut('/')).toBe(true);
    expect(isBareShortcut(' /refund ')).toBe(true);
    expect(isBareShortcut('Sure! /refund')).toBe(false);
    expect(isBareShortcut('/refund now')).toBe(false);
    expect(isBareShortcut('1/2 done')).toBe(false);
  });
});
