/** The default branch of an exhaustive switch: adding a case to a union breaks the build here. */
export function assertNever(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}
