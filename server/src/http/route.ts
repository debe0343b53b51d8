import { z } from 'zod';
import { AppError } from './AppError.js';
import type { PublicUser } from '../auth/authService.js';
import type { UserRole } from '../store/types.js';

export interface RouteResult {
  status?: number;
  body?: unknown;
  setSession?: { token: string; expiresAt: number } | null;
  /** Answer with a download (a CSV export) instead of JSON. */
  file?: { contentType: string; filename: string; text: string };
}

export interface RouteContext<B> {
  user: PublicUser | null;
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
  /** `public` needs no session; `user` any signed-in user; otherwise the roles allowed (admins always are). */
  access: 'public' | 'user' | readonly UserRole[];
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
    body: schema === noBody ? undefined : schema,
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

export function allows(route: Pick<Route, 'access'>, user: PublicUser | null): boolean {
  if (route.access === 'public') return true;
  if (!user) return false;
  if (route.access === 'user' || user.role === 'admin') return true;
  return route.access.includes(user.role);
}
