/**
 * Marks a switch as exhaustive: adding a member to a union makes every unhandled switch fail to
 * compile here, and a value that slipped past the types fails loudly at run time.
 */
export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
