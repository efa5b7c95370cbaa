import type { Database } from '../../server/db/database.ts';
import { uniqueToken } from './fixtures.ts';
import { validOrganizationNumber } from './organization-numbers.ts';

/**
 * A bounded mix of reads and writes against a running service, recording every request: when it started
 * and ended, how it ended, and which writes were acknowledged (answered with data). Used by the
 * resilience tests, which then check the database against what the clients were told.
 */

export type OutcomeKind =
  /** HTTP 200 with data and no errors. */
  | 'data'
  /** A GraphQL answer whose first error has this code (see `code`). */
  | 'error'
  /** No HTTP answer at all: refused, reset, closed. */
  | 'transport'
  /** No answer within the client's own deadline: the service hung. */
  | 'hung';

export interface Outcome {
  op: 'register' | 'update' | 'create' | 'read';
  detail: string;
  startedAt: number;
  endedAt: number;
  ms: number;
  kind: OutcomeKind;
  status: number | null;
  code?: string;
  /** SERVICE_UNAVAILABLE's word that the write may have been saved. */
  mayHaveCommitted?: boolean;
  message?: string;
  data?: Record<string, any> | null;
}

/** One POST /graphql, timed; never throws, never waits longer than `deadlineMs`. */
export async function timedGraphql(
  url: string,
  op: Outcome['op'],
  detail: string,
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string>,
  deadlineMs: number,
): Promise<Outcome> {
  const startedAt = Date.now();
  const done = (rest: Omit<Outcome, 'op' | 'detail' | 'startedAt' | 'endedAt' | 'ms'>): Outcome => {
    const endedAt = Date.now();
    return { op, detail, startedAt, endedAt, ms: endedAt - startedAt, ...rest };
  };
  try {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(deadlineMs),
    });
    const text = await response.text();
    let body: { data?: Record<string, any> | null; errors?: { message: string; extensions?: { code?: string; mayHaveCommitted?: boolean } }[] };
    try {
      body = JSON.parse(text);
    } catch {
      return done({ kind: 'error', status: response.status, code: 'NOT_JSON', message: text.slice(0, 300) });
    }
    const first = body.errors?.[0];
    if (!first && body.data) return done({ kind: 'data', status: response.status, data: body.data });
    return done({
      kind: 'error',
      status: response.status,
      code: first?.extensions?.code ?? 'NONE',
      ...(first?.extensions?.mayHaveCommitted ? { mayHaveCommitted: true } : {}),
      message: first?.message,
      data: body.data,
    });
  } catch (error) {
    const e = error as Error & { cause?: { code?: string; message?: string } };
    if (e.name === 'TimeoutError' || e.name === 'AbortError') return done({ kind: 'hung', status: null, message: `no answer within ${deadlineMs} ms` });
    return done({ kind: 'transport', status: null, message: `${e.message}: ${e.cause?.code ?? e.cause?.message ?? ''}` });
  }
}

export const registerMutation = `mutation ($input: RegisterAssociationInput!) { registerAssociation(input: $input) { id organizationNumber } }`;
export const updateMutation = `mutation ($id: ID!, $description: String!) {
  updateOrganization(id: $id, input: { description: $description, source: { title: "Lastprov", publisher: "Testet" } }) { id description } }`;
export const createInitiativeMutation = `mutation ($input: CreateInitiativeInput!) { createInitiative(input: $input) { id name } }`;
export const readQueries = [
  `{ actors(first: 5) { totalCount edges { node { id name } } } }`,
  `{ initiatives(first: 5) { totalCount edges { node { id name } } } }`,
  `query ($t: String!) { search(text: $t, first: 5) { __typename } }`,
  // From the network index, which the writes alongside keep moving: its catch-up is waited for within the bound too.
  `{ overlaps(first: 5) { score } }`,
];

export const registrationPassword = 'Motståndskraftig-förening-42';

export interface RegistrationInput {
  name: string;
  organizationNumber: string;
  municipality: string;
  themes: string[];
  email: string;
  password: string;
}

export interface AcknowledgedRegistration {
  id: string;
  input: RegistrationInput;
  outcome: Outcome;
}

export interface UpdateTarget {
  organizationId: string;
  /** Values sent, in order; each loop sends "<prefix>-<n>" with n rising. */
  attempted: number[];
  acknowledged: number[];
}

export interface LoadOptions {
  url: string;
  /** Marks this run's organisations (names) and accounts (e-mails). */
  token: string;
  municipality: string;
  registrationLoops: number;
  readLoops: number;
  /** updateOrganization as this caller (an ADMIN), one loop per organisation. */
  updates?: { headers: Record<string, string>; organizationIds: string[] };
  /** createInitiative as this caller (an ADMIN), in `loops` loops. */
  initiatives?: { headers: Record<string, string>; loops: number };
  /** The client gives up on a request after this long and records it as hung. */
  deadlineMs: number;
  /** A bound on the number of requests each loop sends. */
  maxPerLoop: number;
  /** A pause between a loop's requests. */
  pauseMs: number;
  /** Tells this load's registrations apart from another load's with the same token. */
  label?: string;
  /** Stop a loop at its first transport failure (the service process is gone). */
  stopOnTransportError?: boolean;
}

/** The running mix; `stop()` ends every loop after its current request and returns the record. */
export class LoadMix {
  readonly outcomes: Outcome[] = [];
  readonly registrations: { input: RegistrationInput; outcome: Outcome | null }[] = [];
  readonly acknowledged: AcknowledgedRegistration[] = [];
  readonly updateTargets: UpdateTarget[] = [];
  /** The names of initiatives whose creation was acknowledged, and of all that were sent. */
  readonly initiativesAcknowledged: string[] = [];
  readonly initiativesSent: string[] = [];
  /** Requests sent and not yet answered, by start time. */
  readonly inFlight = new Set<{ op: Outcome['op']; startedAt: number }>();
  private running = true;
  private readonly loops: Promise<void>[] = [];
  private readonly numbers = new Set<string>();
  private sequence = 0;

  constructor(private readonly options: LoadOptions) {
    for (let i = 0; i < options.registrationLoops; i++) this.loops.push(this.loop(() => this.register()));
    for (let i = 0; i < options.readLoops; i++) this.loops.push(this.loop(() => this.read(i)));
    for (let i = 0; i < (options.initiatives?.loops ?? 0); i++) this.loops.push(this.loop(() => this.createInitiative()));
    for (const organizationId of options.updates?.organizationIds ?? []) {
      const target: UpdateTarget = { organizationId, attempted: [], acknowledged: [] };
      this.updateTargets.push(target);
      this.loops.push(this.loop(() => this.update(target)));
    }
  }

  get stopped(): boolean {
    return !this.running;
  }

  async stop(): Promise<this> {
    this.running = false;
    await Promise.all(this.loops);
    return this;
  }

  /** Resolves once the loops have ended by themselves (for example at a transport failure). */
  async settled(): Promise<this> {
    await Promise.all(this.loops);
    return this;
  }

  private async loop(step: () => Promise<Outcome>): Promise<void> {
    for (let n = 0; this.running && n < this.options.maxPerLoop; n++) {
      const outcome = await step();
      if (outcome.kind === 'transport' && this.options.stopOnTransportError) return;
      if (this.options.pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, this.options.pauseMs));
    }
  }

  private async send(op: Outcome['op'], detail: string, query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) {
    const marker = { op, startedAt: Date.now() };
    this.inFlight.add(marker);
    try {
      const outcome = await timedGraphql(this.options.url, op, detail, query, variables, headers, this.options.deadlineMs);
      this.outcomes.push(outcome);
      return outcome;
    } finally {
      this.inFlight.delete(marker);
    }
  }

  private uniqueNumber(): string {
    for (;;) {
      const number = validOrganizationNumber();
      if (!this.numbers.has(number)) {
        this.numbers.add(number);
        return number;
      }
    }
  }

  private async register(): Promise<Outcome> {
    const n = `${this.options.label ?? ''}${++this.sequence}`;
    const input: RegistrationInput = {
      name: `${this.options.token} förening ${n}`,
      organizationNumber: this.uniqueNumber(),
      municipality: this.options.municipality,
      themes: ['fritid'],
      email: `${this.options.token.toLowerCase()}-${n}@example.org`,
      password: registrationPassword,
    };
    const entry: { input: RegistrationInput; outcome: Outcome | null } = { input, outcome: null };
    this.registrations.push(entry);
    const outcome = await this.send('register', input.organizationNumber, registerMutation, { input });
    entry.outcome = outcome;
    const id = outcome.kind === 'data' ? (outcome.data?.registerAssociation?.id as string | undefined) : undefined;
    if (id) this.acknowledged.push({ id, input, outcome });
    return outcome;
  }

  private async update(target: UpdateTarget): Promise<Outcome> {
    const value = (target.attempted.at(-1) ?? 0) + 1;
    target.attempted.push(value);
    const description = `${this.options.token}-${value}`;
    const outcome = await this.send('update', `${target.organizationId}=${value}`, updateMutation, { id: target.organizationId, description }, this.options.updates!.headers);
    if (outcome.kind === 'data' && outcome.data?.updateOrganization?.description === description) target.acknowledged.push(value);
    return outcome;
  }

  private async createInitiative(): Promise<Outcome> {
    const name = `${this.options.token} initiativ ${this.options.label ?? ''}${++this.sequence}`;
    this.initiativesSent.push(name);
    const input = { kind: 'ACTIVITY', name, themes: ['fritid'], municipalities: [this.options.municipality], source: { title: 'Lastprov', publisher: 'Testet' } };
    const outcome = await this.send('create', name, createInitiativeMutation, { input }, this.options.initiatives!.headers);
    if (outcome.kind === 'data' && outcome.data?.createInitiative?.name === name) this.initiativesAcknowledged.push(name);
    return outcome;
  }

  private async read(loop: number): Promise<Outcome> {
    const which = (loop + this.outcomes.length) % readQueries.length;
    return this.send('read', `read#${which}`, readQueries[which]!, which === 2 ? { t: 'förening' } : {});
  }
}

export function newRunToken(prefix: string): string {
  // Lower case so that names, e-mails and the prefix queries agree.
  return uniqueToken(prefix).toLowerCase();
}

/** What the database holds for the given registrations and for everything this run's token marks. */
export interface RegistrationAudit {
  /** Problems with acknowledged registrations: missing, duplicated, or not whole. */
  missingOrBroken: string[];
  /** Half writes among everything the run's token marks, acknowledged or not. */
  halfWritten: string[];
  /** Organisations of this run in the database. */
  organizations: number;
}

/**
 * Checks that every acknowledged registration is there exactly once and whole (organisation, its account
 * that REPRESENTS it, its kommun, its audit entry naming both), and that nothing this run marks is half
 * written: no organisation without account, kommun or audit entry; no account without its organisation.
 */
export async function auditRegistrations(db: Database, token: string, acknowledged: AcknowledgedRegistration[]): Promise<RegistrationAudit> {
  const rows = await db.read(async (tx) => {
    const result = await tx.run<{ number: string; email: string; ids: string[]; accounts: number; representing: string[]; municipalities: string[]; audits: number; createdBy: string[] }>({
      text: `UNWIND $rows AS row
             OPTIONAL MATCH (o:Organization {organizationNumber: row.number})
             WITH row, collect(o) AS orgs
             OPTIONAL MATCH (a:Account {email: row.email})
             WITH row, orgs, collect(a) AS accounts
             RETURN row.number AS number, row.email AS email,
                    [o IN orgs | o.id] AS ids,
                    size(accounts) AS accounts,
                    [a IN accounts | COLLECT { MATCH (a)-[:REPRESENTS]->(x:Organization) RETURN x.id }][0] AS representing,
                    [o IN orgs | COLLECT { MATCH (o)-[:IN_MUNICIPALITY]->(m:Municipality) RETURN m.code }][0] AS municipalities,
                    COUNT { MATCH (e:AuditEntry {action: 'registerAssociation'})
                            WHERE size(orgs) = 1 AND size(accounts) = 1 AND orgs[0].id IN e.targetIds AND accounts[0].id IN e.targetIds } AS audits,
                    [o IN orgs | o.createdBy] AS createdBy`,
      parameters: { rows: acknowledged.map((a) => ({ number: a.input.organizationNumber, email: a.input.email })) },
    });
    return result.records.map((record) => record.toObject());
  });
  const missingOrBroken: string[] = [];
  for (const [i, row] of rows.entries()) {
    const expected = acknowledged[i]!;
    const problems: string[] = [];
    if (row.ids.length !== 1) problems.push(`${row.ids.length} organisations`);
    else if (row.ids[0] !== expected.id) problems.push(`organisation ${row.ids[0]} instead of the acknowledged ${expected.id}`);
    if (row.accounts !== 1) problems.push(`${row.accounts} accounts`);
    if (!row.representing || row.representing.length !== 1 || row.representing[0] !== expected.id) problems.push(`account represents ${JSON.stringify(row.representing)}`);
    if (!row.municipalities || row.municipalities.join() !== expected.input.municipality) problems.push(`kommuner ${JSON.stringify(row.municipalities)}`);
    if (row.audits !== 1) problems.push(`${row.audits} audit entries`);
    if (row.createdBy.length === 1 && !row.createdBy[0]) problems.push('no createdBy');
    if (problems.length > 0) missingOrBroken.push(`${expected.input.name} (${row.number}, ${row.email}): ${problems.join(', ')}`);
  }

  const half = await db.read(async (tx) => {
    const organizations = await tx.run<{ name: string; accounts: number; municipalities: number; audits: number; createdBy: string | null }>({
      text: `MATCH (o:Organization) WHERE o.name STARTS WITH $token
             RETURN o.name AS name,
                    COUNT { MATCH (:Account)-[:REPRESENTS]->(o) } AS accounts,
                    COUNT { MATCH (o)-[:IN_MUNICIPALITY]->(:Municipality) } AS municipalities,
                    COUNT { MATCH (e:AuditEntry {action: 'registerAssociation'}) WHERE o.id IN e.targetIds } AS audits,
                    o.createdBy AS createdBy`,
      parameters: { token: `${token} ` },
    });
    const accounts = await tx.run<{ email: string; organizations: number }>({
      text: `MATCH (a:Account) WHERE a.email STARTS WITH $token
             RETURN a.email AS email, COUNT { MATCH (a)-[:REPRESENTS]->(:Organization) } AS organizations`,
      parameters: { token: `${token}-` },
    });
    return { organizations: organizations.records.map((r) => r.toObject()), accounts: accounts.records.map((r) => r.toObject()) };
  });
  const halfWritten = [
    ...half.organizations
      .filter((o) => o.accounts !== 1 || o.municipalities !== 1 || o.audits !== 1 || !o.createdBy)
      .map((o) => `organisation ${o.name}: ${o.accounts} accounts, ${o.municipalities} kommuner, ${o.audits} audit entries, createdBy ${o.createdBy}`),
    ...half.accounts.filter((a) => a.organizations !== 1).map((a) => `account ${a.email}: represents ${a.organizations} organisations`),
  ];
  return { missingOrBroken, halfWritten, organizations: half.organizations.length };
}

/** Removes what a run's token marks: its organisations, their accounts, and their audit entries. */
export async function removeRun(db: Database, token: string): Promise<void> {
  await db.write((tx) =>
    tx.run({
      text: `MATCH (o:Organization) WHERE o.name STARTS WITH $orgPrefix
             OPTIONAL MATCH (e:AuditEntry) WHERE o.id IN e.targetIds
             DETACH DELETE e, o`,
      parameters: { orgPrefix: `${token} ` },
    }),
  );
  await db.write((tx) =>
    tx.run({
      text: `MATCH (a:Account) WHERE a.email STARTS WITH $accountPrefix
             OPTIONAL MATCH (e:AuditEntry) WHERE a.id IN e.targetIds
             DETACH DELETE e, a`,
      parameters: { accountPrefix: `${token}-` },
    }),
  );
}

export function summarize(outcomes: Outcome[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of outcomes) {
    const key = `${o.op}:${o.kind === 'error' ? o.code : o.kind}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

export async function waitFor<T>(probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs: number, intervalMs = 200): Promise<{ value: T; ms: number; ok: boolean }> {
  const start = Date.now();
  for (;;) {
    const value = await probe();
    if (accept(value)) return { value, ms: Date.now() - start, ok: true };
    if (Date.now() - start > timeoutMs) return { value, ms: Date.now() - start, ok: false };
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** GET a path; the status, or null when nothing answered within the deadline. */
export async function statusOf(url: string, deadlineMs = 5_000): Promise<{ status: number | null; ms: number; body?: unknown }> {
  const start = Date.now();
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(deadlineMs) });
    const body = await response.json().catch(() => null);
    return { status: response.status, ms: Date.now() - start, body };
  } catch {
    return { status: null, ms: Date.now() - start };
  }
}
