import { lookup } from 'node:dns/promises';
import net from 'node:net';
import type { Json } from '@switchboard/engine';
import { JsonSchema } from '@switchboard/engine';
import type { ActionHandler, ActionResult } from './types.js';

export interface HttpActionConfig {
  url: string;
  method?: 'GET' | 'POST';
  timeoutMs?: number;
  headers?: Record<string, string>;
}

/** Loopback, private, link-local and other non-public ranges that a flow must not reach by default. */
export function isPrivateAddress(address: string): boolean {
  if (net.isIPv4(address)) {
    const [a = 0, b = 0] = address.split('.').map(Number);
    return a === 10 || a === 127 || a === 0 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127) || a >= 224;
  }
  const v6 = address.toLowerCase();
  if (v6.startsWith('::ffff:')) return isPrivateAddress(v6.slice(7));
  return v6 === '::1' || v6 === '::' || v6.startsWith('fc') || v6.startsWith('fd') || v6.startsWith('fe80');
}

/**
 * An action that calls a configured URL with the node's input (JSON body for POST, query for GET).
 * 2xx → ok with the JSON body, 404 → notFound, anything else or a timeout → error. Private and
 * loopback addresses are refused unless their host is allow-listed.
 */
export function createHttpAction(config: HttpActionConfig, options: { allowHosts?: readonly string[]; fetch?: typeof fetch } = {}): ActionHandler {
  const doFetch = options.fetch ?? fetch;
  return async (input, signal): Promise<ActionResult> => {
    let url: URL;
    try {
      url = new URL(config.url);
    } catch {
      return { status: 'error', data: { message: 'invalid URL' } };
    }
    if (!options.allowHosts?.includes(url.hostname)) {
      const host = url.hostname.replace(/^\[|\]$/g, '');
      const addresses = net.isIP(host) ? [host] : await lookup(host, { all: true }).then((r) => r.map((a) => a.address), () => []);
      if (addresses.length === 0) return { status: 'error', data: { message: `cannot resolve ${url.hostname}` } };
      if (addresses.some(isPrivateAddress)) return { status: 'error', data: { message: `refused private address ${url.hostname}` } };
    }
    const method = config.method ?? 'POST';
    if (method === 'GET') for (const [k, v] of Object.entries(input)) url.searchParams.set(k, typeof v === 'string' ? v : JSON.stringify(v));
    try {
      const response = await doFetch(url, {
        method,
        headers: { 'content-type': 'application/json', ...config.headers },
        ...(method === 'POST' ? { body: JSON.stringify(input) } : {}),
        redirect: 'error',
        signal: AbortSignal.any([signal, AbortSignal.timeout(config.timeoutMs ?? 5000)]),
      });
      if (response.status === 404) return { status: 'notFound', data: null };
      if (!response.ok) return { status: 'error', data: { httpStatus: response.status } };
      const body: unknown = await response.json().catch(() => null);
      const data: Json = JsonSchema.safeParse(body).data ?? null;
      return { status: 'ok', data };
    } catch (error) {
      return { status: 'error', data: { message: error instanceof Error ? error.message : 'request failed' } };
    }
  };
}
