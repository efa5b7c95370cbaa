import type { ApolloServerOptions, BaseContext } from '@apollo/server';
import type { Logger } from 'pino';
import { scrubText } from './redaction.ts';

/**
 * Apollo Server logs plain strings (`Unexpected error processing request: …`), which redaction by
 * path never sees; their text is scrubbed as error messages are, and errors go through the serializer.
 */
type ApolloLogger = NonNullable<ApolloServerOptions<BaseContext>['logger']>;

export function apolloLogger(logger: Logger): ApolloLogger {
  const write = (level: 'debug' | 'info' | 'warn' | 'error') => (message?: unknown) => {
    if (message instanceof Error) logger[level]({ err: message }, scrubText(message.message));
    else logger[level](scrubText(String(message)));
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}
