import { z } from 'zod';
import type { ApiKeyService } from '../../auth/createApiKeyService.js';
import type { UserService } from '../../auth/createUserService.js';
import { AppError } from '../AppError.js';
import { defineRoute, noBody, type Route } from '../route.js';

const Role = z.enum(['admin', 'analyst', 'operator']);
const Password = z.string().min(10, 'at least 10 characters').max(1024);

/** Admin-only: accounts and API keys. Passwords and keys that the server makes are shown once, here. */
export function userRoutes(deps: { users: UserService; apiKeys: ApiKeyService }): Route[] {
  const access = [] as const;
  return [
    defineRoute({ method: 'get', path: '/api/users', access, summary: 'All users.', tag: 'users', body: noBody, handle: async () => ({ body: { users: await deps.users.list() } }) }),
    defineRoute({
      method: 'post',
      path: '/api/users',
      access,
      summary: 'Invite a user; without a password a one-time password is generated and returned once.',
      tag: 'users',
      body: z.object({ email: z.email().max(320), name: z.string().trim().min(1).max(120), role: Role, password: Password.optional() }),
      handle: async ({ body }) => ({ status: 201, body: await deps.users.invite(body) }),
    }),
    defineRoute({
      method: 'put',
      path: '/api/users/:id',
      access,
      summary: 'Change a name or role, disable or re-enable.',
      tag: 'users',
      body: z.object({ name: z.string().trim().min(1).max(120).optional(), role: Role.optional(), disabled: z.boolean().optional() }),
      async handle({ params, body, user }) {
        if (!user) throw new AppError({ code: 'auth/required', message: 'Sign in first.', httpStatus: 401 });
        return { body: { user: await deps.users.update(user, params.id ?? '', body) } };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/users/:id/password',
      access,
      summary: 'Reset a password; without one a one-time password is generated and returned once.',
      tag: 'users',
      body: z.object({ password: Password.optional() }),
      handle: async ({ params, body }) => ({ body: await deps.users.resetPassword(params.id ?? '', body.password) }),
    }),
    defineRoute({ method: 'get', path: '/api/api-keys', access, summary: 'API keys (never the secrets).', tag: 'api keys', body: noBody, handle: async () => ({ body: { keys: await deps.apiKeys.list() } }) }),
    defineRoute({
      method: 'post',
      path: '/api/api-keys',
      access,
      summary: 'Create an API key; the secret (sbk_…) is returned this once and stored hashed.',
      tag: 'api keys',
      body: z.object({ name: z.string().trim().min(1).max(120) }),
      handle: async ({ body, user }) => ({ status: 201, body: await deps.apiKeys.create(body.name, user?.email ?? null) }),
    }),
    defineRoute({ method: 'delete', path: '/api/api-keys/:id', access, summary: 'Revoke an API key.', tag: 'api keys', body: noBody, handle: async ({ params }) => ({ body: { key: await deps.apiKeys.revoke(params.id ?? '') } }) }),
  ];
}
