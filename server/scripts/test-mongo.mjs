// Runs the store contract tests against a real MongoDB. Refuses to run without one: a mongo leg
// that silently skips would look like a pass.
import { spawnSync } from 'node:child_process';

if (!process.env.TEST_MONGODB_URI) {
  console.error('test:mongo needs TEST_MONGODB_URI (e.g. mongodb://127.0.0.1:27017); each test uses and drops its own database.');
  process.exit(1);
}
const result = spawnSync('npx', ['vitest', 'run', 'server/src/store'], { stdio: 'inherit', shell: process.platform === 'win32' });
process.exit(result.status ?? 1);
