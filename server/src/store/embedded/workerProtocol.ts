/** Messages between the server thread and the embedded store's worker (structured-cloned). */

/** [call id, store operation, arguments] */
export type WireCall = [number, string, unknown[]];
export interface CallBatch {
  calls: WireCall[];
}

export interface WireError {
  name: string;
  message: string;
  code?: string;
}
/** [call id, succeeded, value or error] */
export type WireResult = [number, true, unknown] | [number, false, WireError];
export interface ResultBatch {
  results: WireResult[];
}
