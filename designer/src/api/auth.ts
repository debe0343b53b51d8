import { z } from 'zod';
import { request } from './http';
import { UserSchema, type User } from './schemas';

const UserBody = z.object({ user: UserSchema });

export const login = async (credentials: { email: string; password: string }): Promise<User> =>
  (await request('/api/auth/login', { method: 'POST', body: credentials, schema: UserBody })).user;

export const logout = (): Promise<undefined> => request('/api/auth/logout', { method: 'POST' });

export const fetchMe = async (): Promise<User> => (await request('/api/auth/me', { schema: UserBody })).user;
