import { z } from 'zod';

/** A locale code such as `en` or `ru`. */
export const LocaleSchema = z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'a locale code such as "en" or "ru"');
export type Locale = z.infer<typeof LocaleSchema>;

/**
 * Text written once per locale, e.g. `{ en: "Hi {{profile.name}}", ru: "Привет, {{profile.name}}" }`.
 * Placeholders `{{path}}` are filled from the conversation's variables; nothing is ever evaluated.
 */
export const LocalizedTextSchema = z.record(LocaleSchema, z.string());
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/** Words or phrases per locale, e.g. `{ en: ["order", "parcel"], ru: ["заказ"] }`. */
export const LocalizedListSchema = z.record(LocaleSchema, z.array(z.string()));
export type LocalizedList = z.infer<typeof LocalizedListSchema>;

/** Identifiers of nodes, edges, buttons, rules: what React Flow and WhatsApp carry back to us. */
export const IdSchema = z.string().min(1).max(200);

/** A variable name or dotted path (`order.status`). */
export const VariablePathSchema = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/, 'a variable name such as "orderId" or "order.status"');

export const PositionSchema = z.object({ x: z.number(), y: z.number() });
export type Position = z.infer<typeof PositionSchema>;

/** JSON values, the only things variables and snapshots may hold. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export const JsonSchema: z.ZodType<Json> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(JsonSchema), z.record(z.string(), JsonSchema)]),
);
