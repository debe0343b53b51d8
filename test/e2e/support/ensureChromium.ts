import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Makes sure Debian's chromium is installed: installs it with apt when running as root, otherwise
 * throws saying what to install. Browser tests never skip quietly for lack of a browser.
 */
export function ensureChromium(): string {
  if (existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    throw new Error(
      `The browser tests need Debian's chromium at ${CHROMIUM_PATH}, and it is missing. ` +
        'Install it with `sudo apt-get update && sudo apt-get install -y chromium`, then run the tests again.',
    );
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env, timeout: 300_000 });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env, timeout: 600_000 });
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`apt-get installed chromium, but ${CHROMIUM_PATH} is still missing.`);
  return CHROMIUM_PATH;
}
