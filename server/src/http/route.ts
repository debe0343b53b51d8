import { z } from 'zod';
import { AppError } from './AppError.js';
import type { PublicUser } from '../auth/authService.js';
import type { UserRole } from '../store/types.js';

/** An open Server-Sent Events response: `send` writes one event, `onClose` runs when the client leaves. */
export interface SseChannel {
  send(event: string, data: unknown): void;
  comment(text: string): void;
  onClose(listener: () => void): void;
  close(): void;
}

export interface RouteResult {
  status?: number;
  body?: unknown;
  setSession?: { token: string; expiresAt: number } | null;
  /** Answer with an event stream instead of JSON; called once the headers are out. */
  sse?: (channel: SseChannel) => void;
  /** Answer with a download (a CSV export) instead of JSON. */
  file?: { contentType: string; filename: string; text: string };
}

/** A business system calling with `Authorization: Bearer sbk_…`. */
export interface ApiKeyPrincipal {
  id: string;
  name: string;
}

export interface RouteContext<B> {
  user: PublicUser | null;
  apiKey: ApiKeyPrincipal | null;
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: B;
  ip: string;
}

/**
 * One REST endpoint: who may call it, what it takes and what it does. The route table drives the
 * Express wiring, the role checks and the OpenAPI document, so the three cannot disagree.
 */
interface RouteShape {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  /**
   * `public` needs no session; `user` any signed-in user; `apiKey` an API key of the business's own
   * systems; otherwise the roles allowed. Admins are always allowed.
   */
  access: 'public' | 'user' | 'apiKey' | readonly UserRole[];
  summary: string;
  tag: string;
}

export interface RouteSpec<S extends z.ZodType> extends RouteShape {
  /** The request body (`noBody` for routes that take none). */
  body: S;
  handle(ctx: RouteContext<z.infer<S>>): Promise<RouteResult>;
}

/** The body schema of routes that take none (whatever arrives is ignored). */
export const noBody = z.unknown();

const isNoBody = (schema: z.ZodType): boolean => schema === noBody;

/** A route in the table: the body is parsed by the time `handle` sees it. */
export interface Route extends RouteShape {
  body: z.ZodType | undefined;
  handle(ctx: RouteContext<unknown>): Promise<RouteResult>;
}

/**
 * Keeps each route's body type tied to its schema while the table holds routes of many shapes:
 * the body is parsed here, once, and a bad one is a 400 `request/invalid-body` listing every problem.
 */
export function defineRoute<S extends z.ZodType>(spec: RouteSpec<S>): Route {
  const schema = spec.body;
  return {
    ...spec,
    body: isNoBody(schema) ? undefined : schema,
    handle(ctx) {
      const parsed = schema.safeParse(ctx.body);
      if (!parsed.success) {
        throw new AppError({
          code: 'request/invalid-body',
          message: parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '),
          httpStatus: 400,
          details: { issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) },
        });
      }
      return spec.handle({ ...ctx, body: parsed.data });
    },
  };
}

export function allows(route: Pick<Route, 'access'>, user: PublicUser | null, apiKey: ApiKeyPrincipal | null = null): boolean {
  if (route.access === 'public') return true;
  if (route.access === 'apiKey' && apiKey) return true;
  if (!user) return false;
  if (route.access === 'user' || user.role === 'admin') return true;
  if (route.access === 'apiKey') return false;
  return route.access.includes(user.role);
}
