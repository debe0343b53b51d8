import { Worker } from 'node:worker_threads';

/**
 * Starts a worker thread on a module of this folder, named without its extension. Built code runs
 * `<name>.js`. From source (tests, `tsx`) a worker cannot load TypeScript by itself, so a two-line
 * bootstrap registers tsx in the worker first.
 */
export function spawnModuleWorker(name: string, workerData: unknown): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, import.meta.url), { workerData });
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL(`./${name}.ts`, import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
  // Only the parent's resolution conditions carry over: a second tsx loader from `--import` hangs the worker.
  const execArgv = process.execArgv.flatMap((arg, i, all) =>
    arg.startsWith('--conditions=') ? [arg] : arg === '--conditions' && all[i + 1] ? [arg, all[i + 1] as string] : [],
  );
  return new Worker(bootstrap, { eval: true, workerData, execArgv });
}
