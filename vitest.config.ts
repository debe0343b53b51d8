import { defineConfig } from 'vitest/config';

// One run for every workspace: engine and server unit tests beside their code, cross-workspace
// tests under test/. Workspace packages resolve to their TypeScript sources (the "source" condition).
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'], externalConditions: ['source'] } },
  test: {
    include: ['engine/src/**/*.test.ts', 'server/src/**/*.test.ts', 'designer/src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    // Installs Debian's chromium for the browser tests when it is missing (as root), once per run.
    globalSetup: ['test/e2e/support/globalSetup.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
