import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const DESIGNER = path.join(ROOT, 'designer');
const BUILDS = path.join(os.tmpdir(), 'switchboard-e2e-designer');
/** What the bundle is made of: the designer, the engine sources it bundles, and the locked dependencies. */
const INPUTS = ['designer/src', 'designer/public', 'designer/index.html', 'designer/vite.config.ts', 'designer/package.json', 'engine/src', 'package-lock.json'];
const STALE_LOCK_MS = 5 * 60_000;
const OLD_BUILD_MS = 6 * 60 * 60_000;

async function listFiles(relative: string): Promise<string[]> {
  const absolute = path.join(ROOT, relative);
  if (!existsSync(absolute)) return [];
  if (!(await stat(absolute)).isDirectory()) return [relative];
  const entries = await readdir(absolute, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)));
}

/** A hash of every input file's path and content: the same sources always map to the same build. */
async function sourceHash(): Promise<string> {
  const files = (await Promise.all(INPUTS.map(listFiles))).flat().sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(file);
    hash.update(await readFile(path.join(ROOT, file)));
  }
  return hash.digest('hex').slice(0, 16);
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Takes the build lock (a directory: mkdir is atomic), breaking it when its owner died or it is old. */
async function tryLock(lock: string): Promise<boolean> {
  try {
    await mkdir(lock);
    await writeFile(path.join(lock, 'pid'), String(process.pid));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const owner = Number(await readFile(path.join(lock, 'pid'), 'utf8').catch(() => '0'));
    const age = Date.now() - (await stat(lock).catch(() => ({ mtimeMs: Date.now() }))).mtimeMs;
    if ((owner > 0 && !isAlive(owner)) || age > STALE_LOCK_MS) await rm(lock, { recursive: true, force: true });
    return false;
  }
}

async function removeOldBuilds(keep: string): Promise<void> {
  for (const entry of await readdir(BUILDS, { withFileTypes: true })) {
    const full = path.join(BUILDS, entry.name);
    if (full === keep || entry.name.endsWith('.lock')) continue;
    const { mtimeMs } = await stat(full);
    if (Date.now() - mtimeMs > OLD_BUILD_MS) await rm(full, { recursive: true, force: true });
  }
}

/**
 * Builds the designer from the current sources with vite and returns the output directory.
 * Builds are keyed by a hash of the sources, so parallel test files (and later runs with the same
 * code) share one build; a lock keeps two processes from building the same sources at once.
 */
export async function buildDesigner(): Promise<string> {
  const hash = await sourceHash();
  const outDir = path.join(BUILDS, hash);
  const lock = `${outDir}.lock`;
  await mkdir(BUILDS, { recursive: true });
  const deadline = Date.now() + 4 * 60_000;
  while (!existsSync(path.join(outDir, 'index.html'))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for another process to build the designer (${lock})`);
    if (!(await tryLock(lock))) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      continue;
    }
    try {
      if (existsSync(path.join(outDir, 'index.html'))) break;
      const staging = `${outDir}.tmp-${process.pid}`;
      await run('npx', ['--no-install', 'vite', 'build', '--outDir', staging, '--emptyOutDir', '--logLevel', 'warn'], {
        cwd: DESIGNER,
        timeout: 180_000,
        maxBuffer: 16 * 1024 * 1024,
      });
      await rm(outDir, { recursive: true, force: true });
      await rename(staging, outDir);
      await removeOldBuilds(outDir);
    } finally {
      await rm(lock, { recursive: true, force: true });
    }
  }
  return outDir;
}
