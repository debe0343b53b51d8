#!/usr/bin/env node
// Runs the built CLI when the workspace has been built, otherwise the TypeScript sources through tsx.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = fileURLToPath(new URL('../dist/cliMain.js', import.meta.url));
const engineBuilt = fileURLToPath(new URL('../../engine/dist/index.js', import.meta.url));
if (existsSync(built) && existsSync(engineBuilt)) {
  await import(built);
} else {
  const source = fileURLToPath(new URL('../src/cliMain.ts', import.meta.url));
  const result = spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', source, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exitCode = result.status ?? 1;
}
