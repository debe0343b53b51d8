import { randomUUID } from 'node:crypto';
import type { Json } from '@switchboard/engine/schema';
import type { z } from 'zod';
import { AppError, notFound } from '../http/AppError.js';
import type { CatalogKind, Store } from '../store/types.js';

export interface CatalogEntry<T> {
  id: string;
  updatedAt: number;
  value: T;
}

/**
 * One kind of catalog item (quick replies, templates, labels) kept in the store: parsed with its
 * schema on every read and write, unique by the key `keyOf` derives.
 */
export function createCatalogService<S extends z.ZodType<Record<string, unknown>>>(deps: {
  store: Store;
  clock: () => number;
  kind: CatalogKind;
  schema: S;
  keyOf: (value: z.output<S>) => string;
  what: string;
}) {
  type T = z.output<S>;
  const toJson = (value: T): Json => JSON.parse(JSON.stringify(value)) as Json;
  const duplicate = () =>
    new AppError({ code: `${deps.kind}/duplicate`, message: `Another ${deps.what} already uses that ${deps.kind === 'quickReply' ? 'shortcut' : 'name'}.`, httpStatus: 409 });

  async function list(): Promise<CatalogEntry<T>[]> {
    const items = await deps.store.listCatalog(deps.kind);
    return items.flatMap((item) => {
      const parsed = deps.schema.safeParse(item.doc);
      return parsed.success ? [{ id: item.id, updatedAt: item.updatedAt, value: parsed.data }] : [];
    });
  }

  async function save(id: string, value: T): Promise<CatalogEntry<T>> {
    const updatedAt = deps.clock();
    const result = await deps.store.putCatalogItem({ kind: deps.kind, id, key: deps.keyOf(value), doc: toJson(value), updatedAt });
    if (!result.ok) throw duplicate();
    return { id, updatedAt, value };
  }

  return {
    list,
    async get(id: string): Promise<CatalogEntry<T>> {
      const item = await deps.store.getCatalogItem(deps.kind, id);
      const parsed = item ? deps.schema.safeParse(item.doc) : null;
      if (!item || !parsed?.success) throw notFound(deps.what);
      return { id: item.id, updatedAt: item.updatedAt, value: parsed.data };
    },
    async findByKey(key: string): Promise<CatalogEntry<T> | null> {
      const item = await deps.store.findCatalogItem(deps.kind, key);
      const parsed = item ? deps.schema.safeParse(item.doc) : null;
      return item && parsed?.success ? { id: item.id, updatedAt: item.updatedAt, value: parsed.data } : null;
    },
    create: (value: T) => save(randomUUID(), value),
    async update(id: string, value: T): Promise<CatalogEntry<T>> {
      if (!(await deps.store.getCatalogItem(deps.kind, id))) throw notFound(deps.what);
      return save(id, value);
    },
    async remove(id: string): Promise<void> {
      if (!(await deps.store.deleteCatalogItem(deps.kind, id))) throw notFound(deps.what);
    },
  };
}

export type CatalogService<T> = {
  list(): Promise<CatalogEntry<T>[]>;
  get(id: string): Promise<CatalogEntry<T>>;
  findByKey(key: string): Promise<CatalogEntry<T> | null>;
  create(value: T): Promise<CatalogEntry<T>>;
  update(id: string, value: T): Promise<CatalogEntry<T>>;
  remove(id: string): Promise<void>;
};
