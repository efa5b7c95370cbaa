import { ConfigError, parseConfig } from './config.ts';
import { createLogger } from './logger.ts';
import { startService, type ServiceOptions } from './service.ts';

function exitOnConfigError(error: unknown): never {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  throw error;
}

/**
 * Runs the service as this process: configuration from the environment (a bad one exits before anything
 * starts), the logger, and a graceful stop on SIGTERM or SIGINT. The entry point (scripts/serve.ts) hands
 * in what the service must not import itself, such as the seed loader.
 */
export async function runService(options: ServiceOptions): Promise<void> {
  const config = (() => {
    try {
      return parseConfig(process.env);
    } catch (error) {
      return exitOnConfigError(error);
    }
  })();
  const logger = createLogger(config.logLevel);

  try {
    const service = await startService(config, logger, options);
    let stopping = false;
    const shutdown = (signal: string) => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, 'shutting down');
      service.stop().then(
        () => process.exit(0),
        (error) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
    };
    process.on('SIGTERM', () => shutdown('SIGTERM'));
    process.on('SIGINT', () => shutdown('SIGINT'));
  } catch (error) {
    logger.fatal({ err: error }, 'the service could not start');
    process.exit(1);
  }
}
