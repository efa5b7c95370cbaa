/**
 * `node --expose-gc --import tsx bench/import-memory.ts [--rows 10000]`: what an import holds per row until its one transaction,
 * stage by stage, measured as the V8 heap retained (after collecting garbage) once each stage has run on a
 * CSV of organisations like bench:import's, with no database: the plan (each row's checked values), the
 * resolution (ids, likely duplicates and the report of every row) and the change records, the three the
 * transaction needs at once. The baseline is the heap before the file is read, in the same process.
 * Results in bench/results/import-memory.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { z } from 'zod';
import { organizationFields } from '../server/actors/commands/organization-fields.ts';
import { planImport } from '../server/import/plan.ts';
import { readCsv } from '../server/import/read-csv.ts';
import { resolveImport } from '../server/import/resolve.ts';
import { change, diffFields } from '../server/writes/changes.ts';
import { organizationsCsv } from './harness/import-files.ts';

const options = z
  .object({ rows: z.coerce.number().int().min(100).default(10_000) })
  .strict()
  .parse(Object.fromEntries(process.argv.slice(2).reduce<string[][]>((pairs, arg, i, all) => (i % 2 === 0 ? [...pairs, [arg.replace(/^--/, ''), all[i + 1]!]] : pairs), [])));
const collect = (globalThis as { gc?: () => void }).gc;
if (!collect) throw new Error('run with node --expose-gc, so that the heap is counted after collecting its garbage');
const retained = () => {
  collect();
  collect();
  return process.memoryUsage().heapUsed;
};

// bench:import's organisations over five kommuner; their names are alike ("Importförening 17"), so every row lists the most likely duplicates a row may.
const file = Buffer.from(organizationsCsv(1, options.rows, ['0884', '0885', '0880', '0881', '0882']));
const before = retained();
const plan = await planImport(readCsv(Readable.from([file])));
const afterPlan = retained();
const resolution = resolveImport(plan, { byNumber: new Map(), byKommun: new Map() });
const afterResolution = retained();
const changes = resolution.organizations.map(({ id, input }) =>
  change({
    targetId: id,
    targetKind: 'Organization',
    public: true,
    fields: diffFields('Organization', organizationFields, null, { ...input, municipalities: input.municipality, status: 'VERIFIED', sources: ['source'] }),
    sourceId: 'source',
  }),
);
const afterChanges = retained();

const perRow = (bytes: number) => Math.round(bytes / options.rows);
const result = {
  rows: options.rows,
  bytesPerRow: { plan: perRow(afterPlan - before), resolution: perRow(afterResolution - afterPlan), changes: perRow(afterChanges - afterResolution), all: perRow(afterChanges - before) },
  heapMb: { before: before / 2 ** 20, held: afterChanges / 2 ** 20 },
  reportJsonBytesPerRow: perRow(JSON.stringify(resolution.rows).length),
};
process.stderr.write(`${JSON.stringify(result, null, 2)}\n`);
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/import-memory.json', `${JSON.stringify(result, null, 2)}\n`);
// Held to here, so that each stage is counted while the later ones exist, as in the transaction.
void [plan, resolution, changes];
