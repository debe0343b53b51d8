import { parseConfig } from './config.js';
import { createLogger } from './logger.js';
import { startSwitchboard } from './createSwitchboard.js';

const parsed = parseConfig(process.env);
if (!parsed.ok) {
  process.stderr.write(`Switchboard cannot start; fix these environment variables:\n${parsed.problems.map((p) => `  - ${p}`).join('\n')}\n`);
  process.exit(1);
}
const { config } = parsed;
const logger = createLogger(config.logLevel);

try {
  const sb = await startSwitchboard({ config, logger, storeInWorker: true });
  const lines = [
    '',
    `  Switchboard is running at ${sb.url.replace('localhost', 'localhost')}`,
    `  Store: ${config.mongodbUri ? 'MongoDB' : `embedded (${config.dataDir})`}`,
    sb.admin.generatedPassword
      ? `  Sign in as ${config.admin.email} with the password ${sb.admin.generatedPassword} (shown once; set ADMIN_PASSWORD to choose it)`
      : sb.admin.created
        ? `  Sign in as ${config.admin.email} with ADMIN_PASSWORD`
        : `  Sign in with your account (first admin: ${config.admin.email})`,
    config.whatsapp.enabled
      ? `  WhatsApp channel: on — webhook at ${sb.url}/webhook/whatsapp`
      : `  WhatsApp channel: off — set ${config.whatsapp.missing.join(', ')} to turn it on. The designer, preview and API work without it.`,
    sb.seeded.loaded.length ? `  Example flows published: ${sb.seeded.loaded.join(', ')}` : '',
    '',
  ].filter((l, i, all) => l !== '' || i === 0 || i === all.length - 1);
  process.stdout.write(`${lines.join('\n')}\n`);
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping: finishing in-flight work');
    sb.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'stop failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
} catch (error) {
  logger.fatal({ err: error }, 'Switchboard could not start');
  process.exit(1);
}
