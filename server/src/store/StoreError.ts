/** Stable codes for store failures that callers may want to tell apart from a broken backend. */
export const STORE_ERROR_CODES = ['store/duplicate-email', 'store/unknown-conversation', 'store/unknown-inbound', 'store/unknown-flow'] as const;
export type StoreErrorCode = (typeof STORE_ERROR_CODES)[number];

/** A store operation was asked to do something its data forbids (a bug in the caller, not a backend fault). */
export class StoreError extends Error {
  readonly code: StoreErrorCode;

  constructor(code: StoreErrorCode, message: string) {
    super(message);
    this.name = 'StoreError';
    this.code = code;
  }
}
