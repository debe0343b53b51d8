/** A collected variable as one line of plain text (objects as compact JSON). */
export function formatCollected(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** `orderId` → "Order id", `delivery_date` → "Delivery date". */
export function humanizeName(name: string): string {
  const words = name.replace(/[_.-]+/g, ' ').replace(/([a-z0-9])([A-Z])/g, '$1 $2').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
