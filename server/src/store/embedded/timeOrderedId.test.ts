import { describe, expect, it } from 'vitest';
import { timeOrderedId } from './timeOrderedId.js';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('timeOrderedId', () => {
  it('gives distinct version-7 UUIDs across several refills of its pool', () => {
    const ids = Array.from({ length: 5000 }, () => timeOrderedId());
    for (const id of ids) expect(id).toMatch(UUID_V7);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('puts the time first, so later ids sort after earlier ones', async () => {
    const first = timeOrderedId();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = timeOrderedId();
    expect(second > first).toBe(true);
    expect(Number.parseInt(first.replaceAll('-', '').slice(0, 12), 16)).toBeLessThanOrEqual(Date.now());
  });
});
