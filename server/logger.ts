import { pino, type Logger } from 'pino';
import { withRedaction } from './logging/redaction.ts';

export type { Logger };

export function createLogger(level: string): Logger {
  return withRedaction(pino({ level, base: { service: 'samverkan' } }));
}
