import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import type { LoadFigures } from './load.ts';
import type { BenchOptions } from './options.ts';

export interface OperationResult {
  operation: string;
  ours: LoadFigures | null;
  peer: LoadFigures | null;
  floor: LoadFigures | null;
  /** ours rps / peer rps */
  ratioVsPeer: number | null;
  /** ours p50 / floor p50 */
  ratioVsFloorP50: number | null;
}

/**
 * a / b, to two decimals, or to two significant digits below 0.1: the service's p50 against the floor's
 * for suggestions is a few thousandths, which two decimals would print as 0. Null when either is missing.
 */
export function ratioOf(a: number | undefined, b: number | undefined): number | null {
  if (a === undefined || !b) return null;
  const ratio = a / b;
  return ratio < 0.1 ? Number(ratio.toPrecision(2)) : Math.round(ratio * 100) / 100;
}

export interface ScalingResult {
  scale: number;
  nodes: number;
  relationships: number;
  operation: string;
  server: string;
  figures: LoadFigures;
}

export const resultsPath = 'bench/results/latest.json';
export const scalingPath = 'bench/results/scaling.json';
const markdownPath = 'bench/RESULTS.md';

function machine(): string {
  // `java -version` writes to stderr.
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' }).stderr ?? '';
  const javaVersion = /version "([^"]+)"/.exec(java)?.[1] ?? 'unknown';
  const cpu = os.cpus();
  return `${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}, Java ${javaVersion}`;
}

const cell = (figures: LoadFigures | null) =>
  figures ? `${figures.rps.toFixed(1)} | ${figures.p50Ms} | ${figures.p99Ms} | ${figures.rssMb}` : '– | – | – | –';

function comparisonTable(results: OperationResult[]): string {
  const rows = results.map(
    (r) => `| ${r.operation} | ${cell(r.ours)} | ${cell(r.peer)} | ${cell(r.floor)} | ${r.ratioVsPeer ?? '–'} | ${r.ratioVsFloorP50 ?? '–'} |`,
  );
  return [
    '| operation | ours rps | p50 ms | p99 ms | RSS MB | peer rps | p50 ms | p99 ms | RSS MB | floor rps | p50 ms | p99 ms | RSS MB | ours/peer rps | ours/floor p50 |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
  ].join('\n');
}

function scalingTable(results: ScalingResult[]): string {
  const rows = results.map(
    (r) => `| ${r.operation} | ${r.server} | ${r.scale} | ${r.nodes} | ${r.relationships} | ${r.figures.rps.toFixed(1)} | ${r.figures.p50Ms} | ${r.figures.p99Ms} | ${r.figures.rssMb} |`,
  );
  return [
    '| operation | server | scale | nodes | relationships | rps | p50 ms | p99 ms | RSS MB |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
  ].join('\n');
}

/** The section a run writes, kept between runs of the other kind. */
export function writeResultsSection(section: 'comparison' | 'scaling', command: string, options: BenchOptions): void {
  const sections = existingSections();

  const counted = options.counted.length ? options.counted.join(' and ') : null;
  const warmUp = `${options.warmup} s${counted ? ` (${counted}: one request per connection first, and again before each round)` : ''}`;
  const length = `${options.duration} s${counted ? ` (${counted}: the same ${options.requests} requests)` : ''}`;
  const schedule = section === 'comparison' && options.servers.length > 1
    ? `every server warmed up for ${warmUp} before any is measured; each then measured for ${length}, in ${options.servers.length} interleaved rounds with each server first in one`
    : `each server warmed up for ${warmUp}, then measured for ${length}`;
  const header = `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine()}.\n` +
    `Command: \`${command}\` (${options.connections} connection${options.connections === 1 ? '' : 's'}; ${schedule}).\n\n`;
  if (section === 'comparison') {
    const results = JSON.parse(readFileSync(resultsPath, 'utf8')) as OperationResult[];
    sections.set('comparison', `${header}${comparisonTable(results)}\n`);
  } else {
    const results = JSON.parse(readFileSync(scalingPath, 'utf8')) as ScalingResult[];
    sections.set('scaling', `${header}${scalingTable(results)}\n`);
  }
  writeFileSync(markdownPath, renderMarkdown(sections));
}

/** The section `npm run bench:writes` writes (bench/writes.ts), the others kept. */
export function writeWritesSection(markdown: string): void {
  const sections = existingSections();
  sections.set('writes', markdown);
  writeFileSync(markdownPath, renderMarkdown(sections));
}

function existingSections(): Map<string, string> {
  const existing = existsSync(markdownPath) ? readFileSync(markdownPath, 'utf8') : '';
  const sections = new Map<string, string>();
  for (const match of existing.matchAll(/<!-- (comparison|scaling|writes|map) -->\n([\s\S]*?)<!-- end -->/g)) sections.set(match[1]!, match[2]!);
  return sections;
}

function renderMarkdown(sections: Map<string, string>): string {
  const body = (name: string) => `<!-- ${name} -->\n${sections.get(name) ?? 'Not measured yet.\n'}<!-- end -->`;
  return `# Benchmark results

Written by \`npm run bench\`, \`npm run bench:scaling\` and \`npm run bench:writes\` (the map's section by hand from \`npm run bench:map\`, kept by the others); how they work is in [README.md](README.md).
Latencies are autocannon's, from the client; RSS is the server process's peak resident memory from its
warm-up to the end of its last measured round (Neo4j's JVM, shared by all three, is not counted). The ratios are ours/peer requests per
second (above 1: ahead of the peer) and ours/floor p50 (1.5 or less: within the goal).

## This service, the @neo4j/graphql peer and the Cypher floor, side by side

${body('comparison')}

## How cost grows with the data

${body('scaling')}

## Partner suggestions and overlaps while the network is written

${body('writes')}

## The map at scale 1

${body('map')}
`;
}
