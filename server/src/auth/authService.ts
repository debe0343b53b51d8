import { randomBytes } from 'node:crypto';
import { AppError } from '../http/AppError.js';
import type { Store, UserRecord, UserRole } from '../store/types.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { sessionTokens } from './sessionTokens.js';

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
const SECRET_KEY = 'auth.sessionSecret';

export interface PublicUser {
  id: string;
  email: string;
  name: string;
  role: UserRole;
}

export const toPublicUser = (u: UserRecord): PublicUser => ({ id: u.id, email: u.email, name: u.name, role: u.role });

/** Logins and sessions. The signing secret is generated once and kept in the store, so every process shares it. */
export async function createAuthService(deps: { store: Store; clock: () => number }) {
  let secret = await deps.store.getSetting(SECRET_KEY);
  if (typeof secret !== 'string') {
    secret = randomBytes(32).toString('hex');
    await deps.store.putSetting(SECRET_KEY, secret, deps.clock());
    // Another process may have written first: read back so all agree.
    secret = (await deps.store.getSetting(SECRET_KEY)) ?? secret;
  }
  const tokens = sessionTokens(String(secret));
  return {
    async login(email: string, password: string): Promise<{ user: PublicUser; token: string; expiresAt: number }> {
      const user = await deps.store.findUserByEmail(email.trim().toLowerCase());
      const ok = user !== null && !user.disabled && (await verifyPassword(user.passwordHash, password));
      if (!ok || !user) throw new AppError({ code: 'auth/invalid-credentials', message: 'Wrong email or password.', httpStatus: 401 });
      const expiresAt = deps.clock() + SESSION_TTL_MS;
      return { user: toPublicUser(user), token: tokens.issue(user.id, expiresAt), expiresAt };
    },
    async userForToken(token: string | undefined): Promise<PublicUser | null> {
      if (!token) return null;
      const userId = tokens.verify(token, deps.clock());
      if (!userId) return null;
      const user = await deps.store.getUser(userId);
      return user && !user.disabled ? toPublicUser(user) : null;
    },
    /**
     * Creates the first admin when there are no users. Returns the generated password when none
     * was configured, so start-up can print it once.
     */
    async ensureAdmin(admin: { email: string; password: string | undefined }): Promise<{ created: boolean; generatedPassword: string | null }> {
      if ((await deps.store.countUsers()) > 0) return { created: false, generatedPassword: null };
      const password = admin.password ?? randomBytes(9).toString('base64url');
      await deps.store.createUser({ email: admin.email, name: 'Admin', role: 'admin', passwordHash: await hashPassword(password), disabled: false }, deps.clock());
      return { created: true, generatedPassword: admin.password ? null : password };
    },
  };
}

export type AuthService = Awaited<ReturnType<typeof createAuthService>>;
