import { randomBytes } from 'node:crypto';
import { AppError, notFound } from '../http/AppError.js';
import { StoreError } from '../store/StoreError.js';
import type { Store, UserRecord, UserRole } from '../store/types.js';
import type { PublicUser } from './authService.js';
import { hashPassword } from './passwords.js';

export interface UserView extends PublicUser {
  disabled: boolean;
  createdAt: number;
}

const toView = (u: UserRecord): UserView => ({ id: u.id, email: u.email, name: u.name, role: u.role, disabled: u.disabled, createdAt: u.createdAt });
/** A password to hand over once: 16 random characters, to be changed by the person. */
const oneTimePassword = () => randomBytes(12).toString('base64url');

/** Accounts, managed by admins: invite, change role, disable, reset the password. */
export function createUserService(deps: { store: Store; clock: () => number }) {
  async function existing(id: string): Promise<UserRecord> {
    const user = await deps.store.getUser(id);
    if (!user) throw notFound('User');
    return user;
  }

  return {
    list: async (): Promise<UserView[]> => (await deps.store.listUsers()).map(toView),
    /** Creates the account; without a password one is generated and returned this once. */
    async invite(input: { email: string; name: string; role: UserRole; password?: string | undefined }): Promise<{ user: UserView; oneTimePassword: string | null }> {
      const generated = input.password === undefined ? oneTimePassword() : null;
      try {
        const user = await deps.store.createUser(
          { email: input.email.trim().toLowerCase(), name: input.name, role: input.role, passwordHash: await hashPassword(input.password ?? generated ?? ''), disabled: false },
          deps.clock(),
        );
        return { user: toView(user), oneTimePassword: generated };
      } catch (error) {
        if (error instanceof StoreError && error.code === 'store/duplicate-email') {
          throw new AppError({ code: 'users/duplicate-email', message: 'A user with that email exists.', httpStatus: 409 });
        }
        throw error;
      }
    },
    async update(actor: PublicUser, id: string, patch: { name?: string | undefined; role?: UserRole | undefined; disabled?: boolean | undefined }): Promise<UserView> {
      await existing(id);
      if (id === actor.id && ((patch.role !== undefined && patch.role !== actor.role) || patch.disabled === true)) {
        throw new AppError({ code: 'users/self', message: 'You cannot change your own role or disable yourself; ask another admin.', httpStatus: 409 });
      }
      const updated = await deps.store.updateUser(id, {
        ...(patch.name === undefined ? {} : { name: patch.name }),
        ...(patch.role === undefined ? {} : { role: patch.role }),
        ...(patch.disabled === undefined ? {} : { disabled: patch.disabled }),
      });
      if (!updated) throw notFound('User');
      return toView(updated);
    },
    /** Sets a new password (generated and returned once when none is given). */
    async resetPassword(id: string, password: string | undefined): Promise<{ oneTimePassword: string | null }> {
      await existing(id);
      const generated = password === undefined ? oneTimePassword() : null;
      await deps.store.updateUser(id, { passwordHash: await hashPassword(password ?? generated ?? '') });
      return { oneTimePassword: generated };
    },
  };
}

export type UserService = ReturnType<typeof createUserService>;
