import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { notFound } from '../http/AppError.js';
import type { ApiKeyPrincipal } from '../http/route.js';
import type { Store } from '../store/types.js';

const ApiKeyDocSchema = z.object({
  name: z.string(),
  /** The first characters, to recognise a key in the list without revealing it. */
  prefix: z.string(),
  createdAt: z.number(),
  createdBy: z.string().nullable(),
  revokedAt: z.number().nullable(),
});
export type ApiKeyView = z.infer<typeof ApiKeyDocSchema> & { id: string };

/** Keys are 32 random bytes: a fast hash is enough to keep them unreadable at rest. */
const hashOf = (secret: string) => createHash('sha256').update(secret).digest('hex');

/** API keys for the business's own systems: created by admins, shown once, stored hashed, revocable. */
export function createApiKeyService(deps: { store: Store; clock: () => number }) {
  const views = async (): Promise<ApiKeyView[]> =>
    (await deps.store.listCatalog('apiKey')).flatMap((item) => {
      const doc = ApiKeyDocSchema.safeParse(item.doc);
      return doc.success ? [{ id: item.id, ...doc.data }] : [];
    });

  return {
    list: async () => (await views()).sort((a, b) => a.createdAt - b.createdAt),
    async create(name: string, by: string | null): Promise<{ key: ApiKeyView; secret: string }> {
      const secret = `sbk_${randomBytes(32).toString('base64url')}`;
      const now = deps.clock();
      const doc = { name, prefix: secret.slice(0, 10), createdAt: now, createdBy: by, revokedAt: null };
      const id = randomUUID();
      await deps.store.putCatalogItem({ kind: 'apiKey', id, key: hashOf(secret), doc, updatedAt: now });
      return { key: { id, ...doc }, secret };
    },
    async revoke(id: string): Promise<ApiKeyView> {
      const item = await deps.store.getCatalogItem('apiKey', id);
      const doc = item ? ApiKeyDocSchema.safeParse(item.doc) : null;
      if (!item || !doc?.success) throw notFound('API key');
      const revoked = { ...doc.data, revokedAt: doc.data.revokedAt ?? deps.clock() };
      await deps.store.putCatalogItem({ ...item, doc: revoked, updatedAt: deps.clock() });
      return { id, ...revoked };
    },
    async verify(secret: string): Promise<ApiKeyPrincipal | null> {
      const item = await deps.store.findCatalogItem('apiKey', hashOf(secret));
      const doc = item ? ApiKeyDocSchema.safeParse(item.doc) : null;
      if (!item || !doc?.success || doc.data.revokedAt !== null) return null;
      return { id: item.id, name: doc.data.name };
    },
  };
}

export type ApiKeyService = ReturnType<typeof createApiKeyService>;
