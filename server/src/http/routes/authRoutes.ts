import { z } from 'zod';
import type { AuthService } from '../../auth/authService.js';
import { defineRoute, noBody, type Route } from '../route.js';

export function authRoutes(auth: AuthService): Route[] {
  return [
    defineRoute({
      method: 'post',
      path: '/api/auth/login',
      access: 'public',
      summary: 'Sign in; sets the session cookie.',
      tag: 'auth',
      body: z.object({ email: z.string().min(1).max(320), password: z.string().min(1).max(1024) }),
      async handle({ body }) {
        const { user, token, expiresAt } = await auth.login(body.email, body.password);
        return { body: { user }, setSession: { token, expiresAt } };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/auth/logout',
      access: 'public',
      summary: 'Sign out; clears the session cookie.',
      tag: 'auth',
      body: noBody,
      handle: async () => ({ status: 204, setSession: null }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/auth/me',
      access: 'user',
      summary: 'The signed-in user.',
      tag: 'auth',
      body: noBody,
      handle: async ({ user }) => ({ body: { user } }),
    }),
  ];
}
