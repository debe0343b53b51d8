import { describe, expect, it } from 'vitest';
import { backoffMs } from './createDispatcher.js';
import { createPacer } from './createPacer.js';

describe('createPacer', () => {
  it('lets a short burst go at once and spreads sustained sends to one customer', () => {
    const pacer = createPacer({ burst: 3, intervalMs: 1000 });
    const t = 1_000_000;
    expect([pacer.reserve('a', t), pacer.reserve('a', t), pacer.reserve('a', t)]).toEqual([t, t, t]);
    expect(pacer.reserve('a', t)).toBe(t + 1000);
    expect(pacer.reserve('b', t)).toBe(t); // other customers are not held back
    expect(pacer.reserve('a', t + 1000)).toBe(t + 1000);
  });

  it('holds a customer back after a pair-rate error', () => {
    const pacer = createPacer({ burst: 3, intervalMs: 1000 });
    pacer.penalize('a', 0, 6000);
    expect(pacer.reserve('a', 0)).toBe(6000);
    expect(pacer.reserve('a', 6000)).toBe(6000);
  });
});

describe('backoffMs', () => {
  it('doubles from half a second with jitter between 50 % and 100 %, capped at five minutes', () => {
    expect(backoffMs(0, () => 0)).toBe(250);
    expect(backoffMs(0, () => 1)).toBe(500);
    expect(backoffMs(3, () => 1)).toBe(4000);
    expect(backoffMs(30, () => 1)).toBe(300_000);
  });
});
