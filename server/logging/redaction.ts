import { pino, type Logger } from 'pino';

/**
 * Keys whose values must never reach a log line, wherever they sit in a logged object: credentials
 * (a bearer token lets anyone who reads the log act as its owner until it expires) and the personal
 * data the registry holds (contact details, names of people). `variables` is a GraphQL request's
 * variables, which carry passwords and e-mail addresses; nothing should log them, and if something
 * does, this drops them whole.
 */
const sensitiveKeys = [
  'authorization',
  'cookie',
  'password',
  'newPassword',
  'currentPassword',
  'token',
  'accessToken',
  'refreshToken',
  'secret',
  'email',
  'phone',
  'variables',
];

/** Where pino-http and the error serializer put headers, and the keys above up to three levels down. */
export const redactPaths = [
  'req.headers.authorization',
  'req.headers["proxy-authorization"]',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  ...sensitiveKeys.flatMap((key) => [key, `*.${key}`, `*.*.${key}`, `*.*.*.${key}`]),
];

/**
 * What a free-text message can carry that a path cannot reach: a driver or library error that quotes a
 * value ("… property `email` = 'a@b.se'"), a bearer token or JWT, a URI with a password in it.
 */
const textPatterns: [RegExp, string][] = [
  [/Bearer\s+\S+/gi, 'Bearer [Redacted]'],
  [/eyJ[\w-]+\.[\w-]+\.[\w-]*/g, '[Redacted token]'],
  [/[^\s@'"`<>()]+@[^\s@'"`<>()]+\.[a-z]{2,}/gi, '[Redacted e-mail]'],
  [/\/\/[^/\s:@]+:[^/\s@]+@/g, '//[Redacted]@'],
];

export function scrubText(text: string): string {
  return textPatterns.reduce((scrubbed, [pattern, replacement]) => scrubbed.replace(pattern, replacement), text);
}

/** pino's error serializer, then every string in its result scrubbed (message, stack, causes, driver fields). */
export function redactedError(error: unknown): unknown {
  return scrubStrings(pino.stdSerializers.err(error as Error));
}

function scrubStrings(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (depth > 5 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => scrubStrings(item, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, scrubStrings(item, depth + 1)]));
}

export const redactOptions = {
  redact: { paths: redactPaths },
  serializers: { err: redactedError },
};

const redacting = new WeakSet<Logger>();

/**
 * A logger that redacts whatever it writes, made from any pino logger (the service's own, or one a test
 * or an embedding program passes to startService), so that no caller can forget it.
 */
export function withRedaction(logger: Logger): Logger {
  if (redacting.has(logger)) return logger;
  const child = logger.child({}, redactOptions);
  redacting.add(child);
  return child;
}
