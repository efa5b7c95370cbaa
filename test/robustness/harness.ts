import fc from 'fast-check';
import { expect } from 'vitest';
import type { Database } from '../../server/db/database.ts';
import { mangleId, preview, Ref, type Case, type Drawn, type Verdict } from './arbitraries.ts';

/**
 * The repeatable set-up of the properties: a fixed seed and few runs for CI, FC_SEED and FC_RUNS for
 * longer local runs (FC_RUNS=500 FC_SEED=$RANDOM npx vitest run test/robustness).
 */
export const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : 20_240_611;
export const RUNS = process.env.FC_RUNS ? Number(process.env.FC_RUNS) : 30;
fc.configureGlobal({ seed: SEED, numRuns: RUNS });

/** A vitest timeout that grows with FC_RUNS; shrinking a counterexample takes further runs. */
export const propertyTimeout = (runs = RUNS) => 30_000 + runs * 1_500;

export interface Answer {
  status: number;
  contentType: string | null;
  text: string;
  json: { data?: Record<string, unknown> | null; errors?: GraphQLErrorShape[] } | null;
}

export interface GraphQLErrorShape {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; field?: string; [key: string]: unknown };
}

/** Posts a GraphQL request and keeps whatever comes back, JSON or not. */
export async function post(url: string, query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  let json: Answer['json'] = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: response.status, contentType: response.headers.get('content-type'), text, json };
}

export const requestBytes = (query: string, variables: Record<string, unknown>) => Buffer.byteLength(JSON.stringify({ query, variables }));

/** The codes a client may get; anything else (INTERNAL_SERVER_ERROR above all) is a fault. */
export const CLIENT_CODES = ['BAD_USER_INPUT', 'CONFLICT', 'NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED', 'TOO_MANY_REQUESTS', 'GRAPHQL_VALIDATION_FAILED'];
const FIELD_CODES = ['BAD_USER_INPUT', 'CONFLICT', 'NOT_FOUND'];

/**
 * The fields or variables an error names: the service's own `extensions.field`, or the path that
 * graphql-js puts into a variable-coercion message ('Variable "$input" got invalid value … at "input.since"; …').
 */
export function namedFields(error: GraphQLErrorShape): string[] {
  const names: string[] = [];
  if (typeof error.extensions?.field === 'string') names.push(error.extensions.field);
  const variable = /^Variable "\$(\w+)"/.exec(error.message)?.[1];
  if (variable) {
    const at = new RegExp(` at "(${variable}(?:[.\\[][^"]*)?)"; `).exec(error.message)?.[1] ?? variable;
    const missing = /Field "(\w+)" of required type "[^"]+" was not provided\.$/.exec(error.message)?.[1];
    const unknown = /Field "(\w+)" is not defined by type "[^"]+"\./.exec(error.message)?.[1];
    names.push(missing ? `${at}.${missing}` : unknown ? `${at}.${unknown}` : at);
  }
  return names;
}

const within = (named: string, field: string) => named === field || named.startsWith(`${field}.`) || named.startsWith(`${field}[`);

export function describeCase(c: Case): string {
  return Object.entries(c.kinds)
    .map(([path, kind]) => `${path}=${kind}:${c.verdicts[path]}`)
    .join(', ');
}

export function describeAnswer(answer: Answer): string {
  if (!answer.json) return `HTTP ${answer.status} ${answer.contentType}: ${answer.text.slice(0, 300)}`;
  const errors = (answer.json.errors ?? []).map((e) => ({ code: e.extensions?.code, field: e.extensions?.field, message: preview(e.message) }));
  return `HTTP ${answer.status} ${JSON.stringify(errors.length ? { errors } : { data: answer.json.data }).slice(0, 600)}`;
}

/**
 * The core of every property: HTTP status below 500, a JSON answer, and either the mutation's data or
 * errors with client codes only, each naming a field. With `oracle`, the answer must also agree with the
 * verdicts: all-valid input succeeds, any invalid field fails, and errors name a field that is invalid or
 * may go either way. `fieldless` lists codes that may come without a field (login's UNAUTHENTICATED).
 */
export function judge(
  mutation: string,
  c: Case,
  answer: Answer,
  options: { oracle?: boolean; fieldless?: string[] } = {},
): 'success' | 'error' {
  const context = `${mutation}(${describeCase(c)}) → ${describeAnswer(answer)}`;
  expect(answer.status, `an answer below 500: ${context}`).toBeLessThan(500);
  expect(answer.json, `a JSON answer: ${context}`).not.toBeNull();
  const errors = answer.json!.errors ?? [];
  const paths = Object.entries(c.verdicts);
  const invalid = paths.filter(([, v]) => v === 'invalid').map(([p]) => p);
  const either = paths.filter(([, v]) => v === 'either').map(([p]) => p);
  const oracle = options.oracle ?? true;

  if (errors.length > 0) {
    for (const error of errors) {
      expect(CLIENT_CODES, `a client error code, not ${error.extensions?.code}: ${context}`).toContain(error.extensions?.code);
    }
    expect(answer.json!.data?.[mutation] ?? null, `no data next to errors: ${context}`).toBeNull();
    for (const error of errors) {
      const names = namedFields(error);
      const code = error.extensions?.code ?? '';
      if (FIELD_CODES.includes(code)) expect(names.length, `the error names its field or variable: ${context}`).toBeGreaterThan(0);
      if (!oracle) continue;
      expect(invalid.length + either.length, `valid input refused: ${context}`).toBeGreaterThan(0);
      if (options.fieldless?.includes(code)) continue;
      expect(
        names.some((name) => [...invalid, ...either].some((field) => within(name, field))),
        `the error names one of the bad fields (${[...invalid, ...either].join(', ')}), not ${JSON.stringify(names)}: ${context}`,
      ).toBe(true);
    }
    return 'error';
  }
  expect(answer.json!.data?.[mutation], `data for ${mutation}: ${context}`).toBeTruthy();
  if (oracle) expect(invalid, `invalid input accepted: ${context}`).toEqual([]);
  return 'success';
}

export function hasVerdict(c: Case, verdict: Verdict): boolean {
  return Object.values(c.verdicts).includes(verdict);
}

// ---------------------------------------------------------------------------------------------------
// Snapshots of everything this file's data consists of

export interface Scope {
  /**
   * Audit entries are looked at from this instant (ISO) on: a call writes its entry when it happens, so
   * a window from just before the first snapshot holds every entry the call could have written.
   */
  since?: string;
  /** Kommuner whose every actor, initiative and person belongs to this file. */
  municipalities: readonly string[];
  /** Fixture ids, account ids, and the strings of the call (ids it may name). */
  ids: string[];
  emails: string[];
  numbers: string[];
}

function plain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === 'object') {
    if (value.constructor !== Object) return String(value);
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => [k, plain(v)]),
    );
  }
  return value;
}

/**
 * Every node of this file with its labels, properties and relationships: what is in its kommuner, what
 * its ids, e-mails and numbers name, the consents and accounts hanging off those, the audit entries about
 * them or by its accounts, and erasures of its people. Sorted, so that two snapshots compare as equal.
 */
export async function snapshot(db: Database, scope: Scope): Promise<string[]> {
  return db.read(async (tx) => {
    const result = await tx.run({
      text: `CALL () {
               MATCH (n)-[:IN_MUNICIPALITY]->(m:Municipality) WHERE m.code IN $codes RETURN n
               UNION MATCH (n:Actor) WHERE n.id IN $ids RETURN n
               UNION MATCH (n:Initiative) WHERE n.id IN $ids RETURN n
               UNION MATCH (n:Account) WHERE n.id IN $ids OR n.email IN $emails RETURN n
               UNION MATCH (n:Consent) WHERE n.id IN $ids RETURN n
               UNION MATCH (n:Organization) WHERE n.organizationNumber IN $numbers RETURN n
             }
             WITH collect(DISTINCT n) AS roots
             CALL (roots) { UNWIND roots AS r MATCH (r)-[:GAVE]->(c:Consent) RETURN collect(DISTINCT c) AS consents }
             CALL (roots) { UNWIND roots AS r MATCH (a:Account)-[:REPRESENTS]->(r) RETURN collect(DISTINCT a) AS accounts }
             WITH roots + consents + accounts AS nodes
             WITH nodes, [x IN nodes WHERE x.id IS NOT NULL | x.id] + $ids AS known
             CALL (known) {
               MATCH (e:AuditEntry) WHERE e.at >= datetime($since) AND (e.accountId IN known OR any(t IN e.targetIds WHERE t IN known))
               RETURN collect(e) AS audits
             }
             CALL (known) { MATCH (e:Erasure) WHERE e.personId IN known RETURN collect(e) AS erasures }
             UNWIND nodes + audits + erasures AS n
             WITH DISTINCT n
             RETURN labels(n) AS labels, properties(n) AS properties,
                    COLLECT { MATCH (n)-[r]-(o)
                              RETURN [type(r), startNode(r) = n, properties(r), labels(o), coalesce(o.id, o.code, o.key, o.personId)] AS rel } AS rels`,
      parameters: { codes: scope.municipalities, ids: scope.ids, emails: scope.emails, numbers: scope.numbers, since: scope.since ?? '1970-01-01T00:00:00Z' },
    });
    return result.records
      .map((record) =>
        JSON.stringify(
          plain({
            labels: [...record.get('labels')].sort(),
            properties: record.get('properties'),
            rels: (record.get('rels') as unknown[]).map((rel) => JSON.stringify(plain(rel))).sort(),
          }),
        ),
      )
      .sort();
  });
}

/** The strings a call carries, as the ids, e-mails and numbers a snapshot also looks for. */
export function scopeOf(base: Omit<Scope, 'emails' | 'numbers'> & { emails?: string[]; numbers?: string[] }, variables: unknown): Scope {
  const strings: string[] = [];
  const walk = (value: unknown) => {
    if (typeof value === 'string') {
      if (value.length <= 300) strings.push(value);
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(variables);
  const numbers = strings.flatMap((s) => {
    const digits = /^\s*(\d{6})-?(\d{4})\s*$/.exec(s);
    return digits ? [s, `${digits[1]}-${digits[2]}`] : [];
  });
  return {
    since: base.since,
    municipalities: base.municipalities,
    ids: [...base.ids, ...strings.slice(0, 50)],
    emails: [...(base.emails ?? []), ...strings.map((s) => s.trim().toLowerCase())],
    numbers: [...(base.numbers ?? []), ...numbers],
  };
}

/** Replaces the Refs in drawn variables with values made at run time. */
export async function resolveRefs(value: unknown, resolve: (name: string, variant: string) => Promise<unknown> | unknown): Promise<unknown> {
  if (value instanceof Ref) return resolve(value.name, value.variant);
  if (Array.isArray(value)) return Promise.all(value.map((v) => resolveRefs(v, resolve)));
  if (value && typeof value === 'object') {
    const entries = await Promise.all(Object.entries(value).map(async ([k, v]) => [k, await resolveRefs(v, resolve)] as const));
    return Object.fromEntries(entries);
  }
  return value;
}

/** A partial date's text, the ISO instant of a DateTime: to compare what was sent with what came back. */
export const sameInstant = (a: string, b: string) => Date.parse(a) === Date.parse(b);

/** An organisationsnummer as the service stores it, "NNNNNN-NNNN", however it was sent. */
export const dashedNumber = (number: string) => {
  const digits = number.trim().replace('-', '');
  return `${digits.slice(0, 6)}-${digits.slice(6)}`;
};

export const sortedUnique = (list: string[]) => [...new Set(list)].sort();

// ---------------------------------------------------------------------------------------------------
// Running a property's calls

export type Fields = Record<string, fc.Arbitrary<Drawn>>;

/** All valid (1 in 4), one field fuzzed and the rest valid (2 in 4), or every field fuzzed (1 in 4). */
export function modes(fields: Fields): fc.Arbitrary<Record<string, Drawn>> {
  const valid = Object.fromEntries(Object.entries(fields).map(([k, a]) => [k, a.filter((d) => d.verdict === 'valid')]));
  const keys = Object.keys(fields);
  return fc.oneof(
    { arbitrary: fc.record(valid), weight: 1 },
    { arbitrary: fc.constantFrom(...keys).chain((key) => fc.record({ ...valid, [key]: fields[key]! })), weight: 2 },
    { arbitrary: fc.record(fields), weight: 1 },
  );
}

/** A caller's reads that must succeed: each answers its data, or fails the test with the errors. */
export function reader(url: () => string, headers: () => Record<string, string>) {
  return async (query: string, variables: Record<string, unknown>): Promise<Record<string, any>> => {
    const answer = await post(url(), query, variables, headers());
    expect(answer.json?.errors, `read ${query.slice(0, 40)}`).toBeUndefined();
    return answer.json!.data as Record<string, any>;
  };
}

/** A file's fixtures by the names its Refs use (shared ones, or made fresh for one call), mangled as a Ref's variant asks. */
export function fixtures(made: Record<string, () => Promise<string> | string>): (name: string, variant: string) => Promise<string> {
  return async (name, variant) => {
    const make = made[name];
    if (!make) throw new Error(`no fixture called ${name}`);
    return mangleId(await make(), variant);
  };
}

/** Looks up a Ref of the same call: one fixture per name and variant, however often the call names it. */
export type Lookup = (name: string, variant?: string) => Promise<unknown>;

export interface Exercise<Role extends string, S> {
  mutation: string;
  query: string;
  role: Role;
  c: Case;
  /** This call's own Refs; undefined for a name the file's common fixtures know. */
  resolve?: (name: string, variant: string, lookup: Lookup) => Promise<unknown> | unknown;
  oracle?: boolean;
  fieldless?: string[];
  before?: (variables: Record<string, any>) => Promise<S>;
  verify?: (variables: Record<string, any>, data: any, state: S) => Promise<void>;
  /** Further checks of a refusal's errors (a stale version must be CONFLICT), after the snapshot has been compared. */
  refused?: (errors: GraphQLErrorShape[], variables: Record<string, any>) => void;
}

export interface Bench<Role extends string> {
  db: Database;
  url: () => string;
  /** Each role's request headers; an empty object calls anonymously. */
  roles: () => Record<Role, Record<string, string>>;
  /** What the file's snapshots look at besides the strings of the call. */
  baseScope: () => Omit<Scope, 'since'>;
  /** The file's shared fixtures, and those made fresh for one call, by name. */
  resolveCommon: (name: string, variant: string) => Promise<string>;
}

/**
 * The calls of one test file's properties: `exercise` makes a call's fixtures, snapshots, calls, judges,
 * and on an error compares snapshots or on success reads back; each mutation's outcomes are counted.
 */
export function exerciser<Role extends string>(bench: Bench<Role>) {
  const stats: Record<string, { success: number; error: number; skipped: number; ms: number }> = {};

  async function exercise<S>(spec: Exercise<Role, S>): Promise<'success' | 'error'> {
    const tally = (stats[spec.mutation + (spec.oracle === false ? ` (${spec.role})` : '')] ??= { success: 0, error: 0, skipped: 0, ms: 0 });
    const made = new Map<string, Promise<unknown>>();
    const lookup: Lookup = (name, variant = 'as-is') => {
      const key = `${name}/${variant}`;
      if (!made.has(key)) made.set(key, Promise.resolve(spec.resolve?.(name, variant, lookup)).then((value) => value ?? bench.resolveCommon(name, variant)));
      return made.get(key)!;
    };
    const variables = (await resolveRefs(spec.c.variables, lookup)) as Record<string, any>;
    if (requestBytes(spec.query, variables) > 95_000) {
      tally.skipped++;
      fc.pre(false);
    }
    const state = (await spec.before?.(variables)) as S;
    const scope = { ...scopeOf(bench.baseScope(), variables), since: new Date(Date.now() - 2_000).toISOString() };
    const before = await snapshot(bench.db, scope);
    const started = performance.now();
    const answer: Answer = await post(bench.url(), spec.query, variables, bench.roles()[spec.role]);
    tally.ms += performance.now() - started;
    const outcome = judge(spec.mutation, spec.c, answer, { oracle: spec.oracle, fieldless: spec.fieldless });
    tally[outcome]++;
    if (outcome === 'error') {
      const after = await snapshot(bench.db, scope);
      const [had, has] = [new Set(before), new Set(after)];
      const removed = before.filter((x) => !has.has(x)).map((x) => x.slice(0, 400));
      const added = after.filter((x) => !had.has(x)).map((x) => x.slice(0, 400));
      expect({ removed, added }, `the database is exactly as before the refused ${spec.mutation}`).toEqual({ removed: [], added: [] });
      spec.refused?.(answer.json!.errors!, variables);
    } else {
      await spec.verify?.(variables, answer.json!.data![spec.mutation], state);
    }
    return outcome;
  }

  /** Both outcomes must have happened, or half of the property's assertions never ran. */
  function expectBothOutcomes(name: string) {
    expect(stats[name]?.success, `${name}: some calls succeeded`).toBeGreaterThan(0);
    expect(stats[name]?.error, `${name}: some calls were refused`).toBeGreaterThan(0);
  }

  /** The seed, the runs and each mutation's outcomes, for the log. */
  function summary(): string {
    return (
      `fast-check seed ${SEED}, ${RUNS} runs a property:\n` +
      Object.entries(stats)
        .map(([name, s]) => `  ${name}: ${s.success} succeeded, ${s.error} refused, ${s.skipped} skipped, ${Math.round(s.ms)} ms in calls`)
        .join('\n')
    );
  }

  return { exercise, expectBothOutcomes, summary };
}
