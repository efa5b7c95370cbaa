import { z } from 'zod';

const size = z.string().regex(/^\d+[kmg]$/i, 'must be a size such as 2g or 512m');

const argumentsSchema = z.object({
  scale: z.coerce.number({ error: 'must be a number' }).positive('must be above 0').max(64, 'must be at most 64'),
  seed: z.coerce.number({ error: 'must be a number' }).int('must be a whole number').nonnegative('must not be negative').optional(),
  'data-dir': z.string().min(1, 'must name a directory').optional(),
  'batch-size': z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(100, 'must be at least 100').max(50_000, 'must be at most 50000').optional(),
  heap: size.optional(),
  'page-cache': size.optional(),
});

export type CliArguments = z.infer<typeof argumentsSchema>;

export class ArgumentError extends Error {
  override name = 'ArgumentError';
}

const flags = Object.keys(argumentsSchema.shape);

/** Reads `--flag value` and `--flag=value` pairs; every problem names its flag. */
export function parseArguments(argv: string[]): CliArguments {
  const raw: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const match = /^--([\w-]+)(?:=(.*))?$/.exec(argv[i]!);
    if (!match) throw new ArgumentError(`unexpected argument ${JSON.stringify(argv[i])}: flags look like --scale 1`);
    const [, name, inline] = match;
    if (!flags.includes(name!)) throw new ArgumentError(`--${name} is not a flag; the flags are ${flags.map((f) => `--${f}`).join(', ')}`);
    const value = inline ?? argv[++i];
    if (value === undefined || value.startsWith('--')) throw new ArgumentError(`--${name} needs a value`);
    raw[name!] = value;
  }
  const parsed = argumentsSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) =>
      issue.path.length > 0 ? `--${issue.path.join('.')}: ${raw[String(issue.path[0])] === undefined ? 'is required' : issue.message}` : issue.message,
    );
    throw new ArgumentError(problems.join('\n'));
  }
  return parsed.data;
}
