import { ensureChromium } from './ensureChromium.js';

/**
 * Installs the browser once, before any test file runs, so parallel browser tests never race two
 * apt-get runs. Only as root; otherwise each browser test reports what to install.
 */
export default function setup(): void {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) return;
  try {
    ensureChromium();
  } catch (error) {
    // The browser tests call ensureChromium themselves and fail with this error; unit tests still run.
    console.error(error instanceof Error ? error.message : error);
  }
}
