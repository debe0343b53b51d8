import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseConfig } from './config.js';

describe('parseConfig', () => {
  it('uses the documented defaults and keeps the WhatsApp channel off when its variables are missing', () => {
    const result = parseConfig({});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.port).toBe(3000);
    expect(result.config.dataDir).toMatch(/\.data$/);
    expect(result.config.mongodbUri).toBeUndefined();
    expect(result.config.whatsapp).toMatchObject({ enabled: false, apiUrl: 'https://graph.facebook.com/v25.0', missing: ['WHATSAPP_VERIFY_TOKEN', 'WHATSAPP_APP_SECRET', 'WHATSAPP_ACCESS_TOKEN'] });
    expect(result.config.admin).toEqual({ email: 'admin@example.com', password: undefined });
  });

  it('lists every problem at once', () => {
    const result = parseConfig({ PORT: 'abc', MONGODB_URI: 'postgres://x', ADMIN_EMAIL: 'not-an-email', ADMIN_PASSWORD: 'short', LOG_LEVEL: 'loud', WHATSAPP_API_URL: 'nope' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.split(':')[0])).toEqual(expect.arrayContaining(['PORT', 'MONGODB_URI', 'ADMIN_EMAIL', 'ADMIN_PASSWORD', 'LOG_LEVEL', 'WHATSAPP_API_URL']));
  });

  it('turns the channel on when the three secrets are set and trims the API URL', () => {
    const result = parseConfig({ WHATSAPP_VERIFY_TOKEN: 'v', WHATSAPP_APP_SECRET: 's', WHATSAPP_ACCESS_TOKEN: 't', WHATSAPP_API_URL: 'http://127.0.0.1:9/v25.0/' });
    expect(result.ok && result.config.whatsapp).toMatchObject({ enabled: true, missing: [], apiUrl: 'http://127.0.0.1:9/v25.0' });
  });
});

describe('server start-up', () => {
  it('exits with status 1 and names every bad variable', () => {
    const main = fileURLToPath(new URL('./main.ts', import.meta.url));
    const result = spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', main], {
      env: { ...process.env, PORT: '-5', LOG_LEVEL: 'chatty' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/PORT/);
    expect(result.stderr).toMatch(/LOG_LEVEL/);
  });
});
