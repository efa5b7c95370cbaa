import { z } from 'zod';
import { operationNames } from './operations.ts';

const commaSeparated = z.string().transform((text) => text.split(',').map((part) => part.trim()).filter(Boolean));

/** The benchmark's command line: `--name value` pairs, checked, every problem named. */
const optionsSchema = z.object({
  scale: z.coerce.number().positive().default(1),
  scales: commaSeparated.transform((parts) => parts.map(Number)).pipe(z.array(z.number().positive()).min(1)).default([0.25, 1, 4]),
  seed: z.coerce.number().int().default(20261122),
  connections: z.coerce.number().int().min(1).max(256).default(8),
  warmup: z.coerce.number().positive().default(5),
  duration: z.coerce.number().positive().default(15),
  /** Operations measured by a count of requests rather than by time, so that each server answers the same questions. */
  counted: commaSeparated.pipe(z.array(z.enum(operationNames))).default(['suggestions', 'overlaps']),
  requests: z.coerce.number().int().min(1).default(24),
  operations: commaSeparated.pipe(z.array(z.enum(operationNames)).min(1)).default([...operationNames]),
  servers: commaSeparated.pipe(z.array(z.enum(['ours', 'peer', 'floor'])).min(1)).default(['ours', 'peer', 'floor']),
});

export type BenchOptions = z.infer<typeof optionsSchema>;

export function parseBenchOptions(argv: string[]): BenchOptions {
  const raw: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i]!;
    if (!flag.startsWith('--') || argv[i + 1] === undefined) throw new Error(`expected --option value pairs, got ${JSON.stringify(argv.slice(i))}`);
    raw[flag.slice(2)] = argv[i + 1]!;
  }
  const parsed = optionsSchema.strict().safeParse(raw);
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((issue) => `--${issue.path.join('.') || '?'}: ${issue.message}`).join('\n'));
  }
  return parsed.data;
}
