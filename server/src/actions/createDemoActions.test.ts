import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createDemoActions, toDemoId } from './createDemoActions.js';

const dataDir = fileURLToPath(new URL('../../../flows/data', import.meta.url));

describe('createDemoActions', () => {
  it('normalises every way a customer writes an id', () => {
    for (const raw of ['BK-48213', 'bk48213', 'bk 48213', '48213', ' bk-48213 ']) expect(toDemoId(raw, 'BK')).toBe('BK-48213');
    expect(toDemoId('ord5521', 'ORD')).toBe('ORD-5521');
  });

  it('looks up bookings and orders in the shipped demo data', async () => {
    const actions = await createDemoActions(dataDir);
    const signal = AbortSignal.timeout(1000);
    expect(await actions.get('lookupOrder')?.({ orderId: '8842' }, signal)).toEqual({ status: 'ok', data: expect.objectContaining({ id: 'ORD-8842', carrier: 'CDEK', tracking: '1234567890', eta: '2026-11-27' }) });
    expect(await actions.get('lookupBooking')?.({ bookingId: 'bk 77031' }, signal)).toEqual({ status: 'ok', data: expect.objectContaining({ id: 'BK-77031', status: 'waitlisted', position: 3 }) });
    expect(await actions.get('lookupOrder')?.({ orderId: 'ORD-0000' }, signal)).toEqual({ status: 'notFound', data: null });
    expect(await actions.get('lookupOrder')?.({}, signal)).toMatchObject({ status: 'error' });
  });
});
