import type { Database } from '../../db/database.ts';
import { gdsUnavailable } from '../../shared/errors.ts';

/** The GDS procedures and functions the measures call. */
export const gdsProcedures = ['gds.leiden.stream', 'gds.betweenness.stream', 'gds.degree.stream', 'gds.graph.drop', 'gds.graph.list'];
export const gdsFunctions = ['gds.graph.project', 'gds.util.asNode'];

/** How long an answer about the database's GDS is trusted: a Neo4j may gain or lose the plugin on a restart. */
const answerKeptMs = 60_000;

/**
 * Whether the database has what the measures need, asked of the database itself (SHOW PROCEDURES and
 * SHOW FUNCTIONS), so a Neo4j of one's own without GDS (Aura Free, a plain Docker image) is told apart
 * from the local engine, which has it.
 */
export class GdsAvailability {
  private answer: { missing: string[]; at: number } | null = null;

  constructor(
    private readonly db: Database,
    private readonly procedures: string[] = gdsProcedures,
    private readonly functions: string[] = gdsFunctions,
  ) {}

  /** The procedures and functions the database lacks; empty where GDS is installed. */
  async missing(): Promise<string[]> {
    if (this.answer && Date.now() - this.answer.at < answerKeptMs) return this.answer.missing;
    const [procedures, functions] = await Promise.all([
      this.present('SHOW PROCEDURES YIELD name WHERE name IN $names RETURN collect(name) AS found', this.procedures),
      this.present('SHOW FUNCTIONS YIELD name WHERE name IN $names RETURN collect(name) AS found', this.functions),
    ]);
    const missing = [...this.procedures.filter((name) => !procedures.has(name)), ...this.functions.filter((name) => !functions.has(name))];
    this.answer = { missing, at: Date.now() };
    return missing;
  }

  /** Throws GDS_UNAVAILABLE, naming what is missing, unless the database has it all. */
  async require(): Promise<void> {
    const missing = await this.missing();
    if (missing.length > 0) throw gdsUnavailable(missing);
  }

  private async present(text: string, names: string[]): Promise<Set<string>> {
    const result = await this.db.query<{ found: string[] }>({ text, parameters: { names } });
    return new Set(result.records[0]?.get('found') ?? []);
  }
}
