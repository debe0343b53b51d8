/** React Query keys, in one place so invalidation and reads never drift apart. */
export const queryKeys = {
  me: ['auth', 'me'] as const,
  flows: ['flows'] as const,
  flow: (id: string) => ['flows', id] as const,
  versions: (id: string) => ['flows', id, 'versions'] as const,
  meta: ['meta'] as const,
};
