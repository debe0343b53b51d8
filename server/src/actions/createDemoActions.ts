import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { JsonSchema, type Json } from '@switchboard/engine';
import type { ActionHandler } from './types.js';

const RecordsSchema = z.record(z.string(), z.record(z.string(), JsonSchema));

/**
 * Normalises what a customer typed into a demo id: `bk 48213`, `bk48213`, `48213` → `BK-48213`.
 *
 * @example toDemoId('ord5521', 'ORD') // → 'ORD-5521'
 */
export function toDemoId(raw: string, prefix: string): string {
  const digits = /(\d+)\s*$/.exec(raw.trim())?.[1];
  return digits ? `${prefix}-${digits}` : raw.trim().toUpperCase();
}

async function loadRecords(file: string): Promise<Record<string, Record<string, Json>>> {
  const text = await readFile(file, 'utf8');
  const parsed = RecordsSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

function lookup(records: Record<string, Record<string, Json>>, field: string, prefix: string): ActionHandler {
  return async (input) => {
    const raw = input[field];
    if (typeof raw !== 'string' && typeof raw !== 'number') return { status: 'error', data: { message: `missing ${field}` } };
    const record = records[toDemoId(String(raw), prefix)];
    return record ? { status: 'ok', data: record } : { status: 'notFound', data: null };
  };
}

/** The example flows' backend: `lookupBooking` and `lookupOrder` over `flows/data/*.json`. */
export async function createDemoActions(dataDir: string): Promise<Map<string, ActionHandler>> {
  const [bookings, orders] = await Promise.all([
    loadRecords(path.join(dataDir, 'bookings.json')),
    loadRecords(path.join(dataDir, 'orders.json')),
  ]);
  return new Map([
    ['lookupBooking', lookup(bookings, 'bookingId', 'BK')],
    ['lookupOrder', lookup(orders, 'orderId', 'ORD')],
  ]);
}
