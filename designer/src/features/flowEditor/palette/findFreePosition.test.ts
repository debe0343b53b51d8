import { describe, expect, it } from 'vitest';
import { fixtureFlow } from '../edits/fixtureFlow';
import { findFreePosition } from './findFreePosition';

describe('findFreePosition', () => {
  it('keeps the spot when nothing is there', () => {
    expect(findFreePosition({ flow: fixtureFlow(), near: { x: 0, y: 600 }, sizes: {} })).toEqual({ x: 0, y: 600 });
  });

  it('moves below an existing card when the spot is taken', () => {
    const at = findFreePosition({ flow: fixtureFlow(), near: { x: 10, y: 10 }, sizes: { start: { width: 250, height: 80 } } });
    expect(at.x).toBe(10);
    expect(at.y).toBeGreaterThanOrEqual(80 + 24);
  });
});
