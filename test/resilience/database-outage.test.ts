import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDriver, Database } from '../../server/db/database.ts';
import { LocalEngine } from '../../server/db/local-engine.ts';
import { startService, type RunningService } from '../../server/service.ts';
import { createTestAccount } from '../helpers/accounts.ts';
import { createOrganizations } from '../helpers/fixtures.ts';
import { newId } from '../../server/shared/ids.ts';
import { auditRegistrations, LoadMix, newRunToken, readQueries, removeRun, statusOf, summarize, timedGraphql, waitFor, type Outcome } from '../helpers/resilience-load.ts';
import { testConfig } from '../helpers/service.ts';
import { freePort } from '../helpers/tcp-proxy.ts';

/**
 * Requirement 4: the database goes away under a running mix of reads and writes, and comes back.
 *
 * This stops and starts a real Neo4j engine (a LocalEngine of this file's own, on a fixed Bolt port and
 * data directory) rather than cutting a TcpProxy: the run's shared engine cannot be stopped, and a real
 * stop is what the requirement describes: a clean engine shutdown, its port closed, then a start that
 * opens the same store again, with the engine's start-up (Bolt listening before the database is ready)
 * in between. Two JVM starts cost ~20 s each on an idle two-core machine, which fits the budget.
 *
 * The restart is made slow on purpose: as soon as the new engine's Bolt port accepts connections, its JVM
 * is paused (SIGSTOP) for FREEZE_MS and then continued. That is what a loaded machine does to a starting
 * engine (port open, database not answering yet; on this busy two-core machine it lasted over 10 s), and pausing
 * it makes that window certain instead of depending on the machine's load. The database is still away
 * then, so the same rule holds: data or SERVICE_UNAVAILABLE, in bounded time.
 *
 * Bounds, which are about hanging and not about speed:
 *  - AWAY_BOUND_MS, OVERALL_BOUND_MS: any request, whenever it was sent (while the engine was down,
 *    stopping or starting), ends within 10 s, the bound README states: a request waits for Neo4j at
 *    most NEO4J_REQUEST_WAIT_MS (8 s) in all, whatever the driver's retries and timeouts would allow.
 *  - READY_AGAIN_MS: once the engine says it is ready, /readyz returns to 200 within 15 s.
 *
 * HTTP status: Apollo answers a GraphQL execution error with 200 and the error in `errors`; the code
 * SERVICE_UNAVAILABLE is the contract clients read. A 5xx on /graphql would mean the HTTP layer itself
 * failed (Apollo answers 500 when it cannot build the context or breaks), so every answer on /graphql
 * must be 200 here; saying 503 is /readyz's job, for load balancers.
 */
const AWAY_BOUND_MS = 10_000;
const OVERALL_BOUND_MS = 10_000;
const READY_AGAIN_MS = 15_000;
// Longer than the driver's connectionAcquisitionTimeout (5 s): a request has to wait out the whole pause.
const FREEZE_MS = 7_000;
const CLIENT_DEADLINE_MS = OVERALL_BOUND_MS + 10_000;
// Any kommun: this engine is the file's own.
const MUNICIPALITY = '0114';
const OPS = ['register', 'update', 'create', 'read'] as const;

describe('the database goes away under load and comes back', { timeout: 240_000 }, () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'samverkan-resilience-neo4j-'));
  const token = newRunToken('Avbrott');
  let boltPort: number;
  let engine: LocalEngine | undefined;
  let service: RunningService | undefined;
  let db: Database;
  let closeDriver: () => Promise<void> = async () => {};
  const timings: Record<string, number> = {};
  let frozenPid: number | null = null;
  // What the service logs at warn and above: formatError logs every internal error with its cause.
  const serviceLog: Record<string, any>[] = [];
  const logger = pino({ level: 'warn', base: null }, { write: (line: string) => void serviceLog.push(JSON.parse(line)) });

  const startEngine = () => LocalEngine.start({ dataDir, boltPort, pageCache: '32m', heap: '384m', startTimeoutMs: 150_000 });

  beforeAll(async () => {
    const t0 = Date.now();
    boltPort = await freePort();
    engine = await startEngine();
    timings.firstEngineStartMs = Date.now() - t0;
    const connection = { uri: engine.boltUri, user: 'neo4j', password: 'unused-without-auth', database: 'neo4j' };
    service = await startService(testConfig({ NEO4J_URI: connection.uri, NEO4J_PASSWORD: connection.password, NEO4J_DATABASE: 'neo4j' }), logger);
    const driver = createDriver(connection);
    closeDriver = () => driver.close();
    db = new Database(driver, 'neo4j', 30_000);
    const ready = await waitFor(() => statusOf(`${service!.url}/readyz`), (r) => r.status === 200, 90_000);
    if (!ready.ok) throw new Error(`the test service never became ready: ${JSON.stringify(ready.value)}`);
    // Warm the engine's query plans so that a cold first query on a loaded machine is not what is measured.
    for (const query of readQueries) await timedGraphql(service.url, 'read', 'warm-up', query, { t: 'förening' }, {}, 60_000);
    timings.setupMs = Date.now() - t0;
  }, 200_000);

  afterAll(async () => {
    if (frozenPid) process.kill(frozenPid, 'SIGCONT');
    await service?.stop();
    await closeDriver();
    await engine?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    console.info(`[resilience] database outage timings: ${JSON.stringify(timings)}`);
  });

  it('notices a half-written or missing registration: the checker used below can fail', async () => {
    const half = newRunToken('Halv');
    // Numbers with a wrong check digit, which no registration through the service can have.
    const number = '802999-0001';
    try {
      // An organisation without its account, kommun or audit entry; an account without its organisation.
      // Written by hand on purpose: the repository would record who created it, and the checker must see a broken one.
      await db.write(async (tx) => {
        await tx.run({ text: `CREATE (:Actor:Organization:Association {id: $id, name: $name, organizationNumber: $number, status: 'PENDING'})`, parameters: { id: newId(), name: `${half} förening 1`, number } });
        await tx.run({ text: `CREATE (:Account {id: $id, email: $email, role: 'ASSOCIATION'})`, parameters: { id: newId(), email: `${half}-2@example.org` } });
      });
      const outcome = { op: 'register', kind: 'data' } as Outcome;
      const acknowledged = [
        { id: 'someone-else', input: { name: `${half} förening 1`, organizationNumber: number, municipality: MUNICIPALITY, themes: [], email: `${half}-1@example.org`, password: '' }, outcome },
        { id: 'never-written', input: { name: `${half} förening 3`, organizationNumber: '802999-0003', municipality: MUNICIPALITY, themes: [], email: `${half}-3@example.org`, password: '' }, outcome },
      ];
      const audit = await auditRegistrations(db, half, acknowledged);
      expect(audit.missingOrBroken).toHaveLength(2);
      expect(audit.missingOrBroken[0]).toMatch(/instead of the acknowledged.*0 accounts.*kommuner \[\].*0 audit entries/);
      expect(audit.missingOrBroken[1]).toMatch(/0 organisations.*0 accounts/);
      expect(audit.halfWritten).toEqual([
        expect.stringMatching(/^organisation .*: 0 accounts, 0 kommuner, 0 audit entries/),
        expect.stringMatching(/^account .*: represents 0 organisations/),
      ]);
    } finally {
      await removeRun(db, half);
    }
    expect((await auditRegistrations(db, half, [])).halfWritten).toEqual([]);
  });

  it('answers SERVICE_UNAVAILABLE in bounded time while away, says so on /readyz, recovers by itself, and loses no acknowledged write', async () => {
    const admin = await createTestAccount(db, 'ADMIN');
    const organizationIds = await createOrganizations(db, [1, 2].map((i) => ({ name: `Uppdateras ${token} ${i}`, municipalities: [MUNICIPALITY] })));

    // Health probes run beside the load for the whole test.
    const probes: { at: number; readyz: number | null; readyzMs: number; healthz: number | null }[] = [];
    let probing = true;
    const prober = (async () => {
      while (probing) {
        const at = Date.now();
        const [readyz, healthz] = await Promise.all([statusOf(`${service!.url}/readyz`, CLIENT_DEADLINE_MS), statusOf(`${service!.url}/healthz`, 5_000)]);
        probes.push({ at, readyz: readyz.status, readyzMs: readyz.ms, healthz: healthz.status });
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
    })();

    const load = new LoadMix({
      url: service!.url,
      token,
      municipality: MUNICIPALITY,
      registrationLoops: 2,
      readLoops: 2,
      updates: { headers: admin.headers, organizationIds },
      initiatives: { headers: admin.headers, loops: 1 },
      deadlineMs: CLIENT_DEADLINE_MS,
      maxPerLoop: 400,
      pauseMs: 50,
    });
    const t0 = Date.now();
    const everyKind = (since: number, kind?: Outcome['kind']) =>
      OPS.every((op) => load.outcomes.some((o) => o.op === op && o.startedAt >= since && (!kind || o.kind === kind)));
    // Healthy first: every kind of request answered with data (bounded; the machine may be loaded).
    const healthy = await waitFor(async () => everyKind(t0, 'data'), Boolean, 30_000, 100);
    timings.healthyAfterMs = healthy.ms;

    // The database goes away: a clean engine shutdown, its Bolt port closed. It begins while a
    // registration is under way, and registrations go on being sent while it lasts: the shutdown ends
    // the transactions it finds open, and a write has to be answered SERVICE_UNAVAILABLE then as well.
    const writing = await waitFor(async () => [...load.inFlight].some((request) => request.op === 'register'), Boolean, 10_000, 5);
    const stopBegan = Date.now();
    await engine!.stop();
    const stopped = Date.now();
    timings.engineStopMs = stopped - stopBegan;
    // Away long enough for every kind of request to be sent and answered while the engine is down.
    const awhile = await waitFor(async () => everyKind(stopped) && Date.now() - stopped >= 5_000, Boolean, AWAY_BOUND_MS + 5_000, 100);
    timings.awayMs = Date.now() - stopped;

    // It comes back on the same port and data directory; the service is left alone. The start-up is
    // slowed: paused for FREEZE_MS once its port accepts connections (see the top of the file).
    const restartBegan = Date.now();
    const starting = startEngine();
    let startFailed = false;
    starting.catch(() => (startFailed = true));
    const portOpen = await waitFor(() => accepts(boltPort), (open) => open || startFailed, 150_000, 20);
    if (portOpen.ok && portOpen.value) {
      frozenPid = enginePid(dataDir);
      process.kill(frozenPid, 'SIGSTOP');
      const frozenAt = Date.now();
      await new Promise((resolve) => setTimeout(resolve, FREEZE_MS));
      process.kill(frozenPid, 'SIGCONT');
      frozenPid = null;
      timings.frozenFromMs = frozenAt - restartBegan;
    }
    engine = await starting;
    const engineUp = Date.now();
    timings.engineRestartMs = engineUp - restartBegan;
    const readyAgain = await waitFor(() => statusOf(`${service!.url}/readyz`), (r) => r.status === 200, READY_AGAIN_MS, 100);
    const ready = Date.now();
    timings.readyAfterEngineUpMs = ready - engineUp;
    // Then until every kind has settled: its last answer since recovery is data. On a loaded machine a
    // restarted engine's first writes can take longer than a request waits, so that may take a while.
    // Requests still in flight when that is seen may yet end SERVICE_UNAVAILABLE (a cold engine's first
    // catch-up of the network index can outlast a request's wait); they are held to the bound below.
    const settled = () => OPS.every((op) => load.outcomes.filter((o) => o.op === op && o.startedAt >= ready).at(-1)?.kind === 'data');
    const recovered = await waitFor(async () => everyKind(ready, 'data') && settled() && Date.now() - ready >= 2_000, Boolean, 30_000, 100);
    await load.stop();
    probing = false;
    await prober;
    timings.loadMs = Date.now() - t0;

    const { outcomes } = load;
    const rel = (at: number) => at - t0;
    const show = (list: Outcome[]) => JSON.stringify(list.slice(0, 6).map(({ data: _data, ...o }) => ({ ...o, startedAt: rel(o.startedAt), endedAt: rel(o.endedAt) })));
    // The causes formatError logged for its INTERNAL_SERVER_ERRORs, counted by code and message.
    const internalErrors = () => {
      const causes: Record<string, number> = {};
      for (const entry of serviceLog.filter((e) => e.msg === 'internal error in a GraphQL operation')) {
        const key = `${entry.err?.type} code=${entry.err?.code} retriable=${entry.err?.retriable}: ${String(entry.err?.message).slice(0, 200)}`;
        causes[key] = (causes[key] ?? 0) + 1;
      }
      return JSON.stringify(causes);
    };
    const duringOutage = outcomes.filter((o) => o.endedAt >= stopBegan && o.startedAt <= ready);
    const whileDown = outcomes.filter((o) => o.startedAt >= stopped && o.endedAt <= restartBegan);
    timings.requests = outcomes.length;
    timings.maxRequestMs = Math.max(...outcomes.map((o) => o.ms));
    timings.maxRequestMsWhileDown = Math.max(0, ...whileDown.map((o) => o.ms));
    console.info(`[resilience] database outage outcomes: ${JSON.stringify(summarize(outcomes))}`);
    console.info(
      `[resilience] phases (ms from load start): stop ${rel(stopBegan)}..${rel(stopped)}, restart ${rel(restartBegan)}..${rel(engineUp)}, ready ${rel(ready)}; ` +
        `slowest: ${show([...outcomes].sort((a, b) => b.ms - a.ms).slice(0, 3))}`,
    );

    // Healthy before the outage.
    expect.soft(healthy.ok, `every kind answered with data before the outage: ${JSON.stringify(summarize(outcomes))}`).toBe(true);

    // No request hung, none lost its connection, every answer on /graphql was HTTP 200.
    const lost = outcomes.filter((o) => o.kind === 'hung' || o.kind === 'transport' || o.ms > OVERALL_BOUND_MS);
    expect.soft(lost, `requests that hung (over ${OVERALL_BOUND_MS} ms) or got no HTTP answer: ${show(lost)}`).toEqual([]);
    const not200 = outcomes.filter((o) => o.status !== 200);
    expect.soft(not200, `answers on /graphql other than 200: ${show(not200)}`).toEqual([]);

    // While the engine was down (sent after it had stopped, answered before it was started again), every
    // request of every kind was answered SERVICE_UNAVAILABLE within AWAY_BOUND_MS.
    expect.soft(awhile.ok, `requests of every kind while down: ${JSON.stringify(summarize(whileDown))}`).toBe(true);
    const servedWhileDown = whileDown.filter((o) => o.kind !== 'error' || o.code !== 'SERVICE_UNAVAILABLE');
    expect.soft(servedWhileDown, `answered otherwise than SERVICE_UNAVAILABLE while the database was down: ${show(servedWhileDown)}`).toEqual([]);
    const slowWhileDown = whileDown.filter((o) => o.ms > AWAY_BOUND_MS);
    expect.soft(slowWhileDown, `over ${AWAY_BOUND_MS} ms while the database was down: ${show(slowWhileDown)}`).toEqual([]);

    // Registrations were sent during the shutdown itself (in flight at some moment between its start and
    // its end), so the check below covers what a write is answered while the database is stopping.
    const writesDuringShutdown = outcomes.filter((o) => o.op === 'register' && o.startedAt <= stopped && o.endedAt >= stopBegan);
    timings.registrationsDuringShutdown = writesDuringShutdown.length;
    expect.soft(writing.ok, 'a registration was under way when the engine began to stop').toBe(true);
    expect.soft(writesDuringShutdown.length, `registrations sent during the shutdown: ${JSON.stringify(summarize(outcomes))}`).toBeGreaterThan(0);

    // Throughout the outage, from the stop until /readyz was 200 again (the engine's shutdown and start-up
    // included), every request ended with data or a clear SERVICE_UNAVAILABLE, never an internal error.
    const unclear = duringOutage.filter((o) => !(o.kind === 'data' || (o.kind === 'error' && o.code === 'SERVICE_UNAVAILABLE')));
    expect.soft(unclear, `answered neither with data nor SERVICE_UNAVAILABLE during the outage: ${show(unclear)}; the service logged: ${internalErrors()}`).toEqual([]);

    // /readyz said 503 and /healthz 200 while it was down; /healthz said 200 all along.
    const probesDown = probes.filter((p) => p.at >= stopped && p.at + p.readyzMs <= restartBegan);
    expect.soft(probesDown.length).toBeGreaterThan(3);
    expect.soft(probesDown.map((p) => p.readyz)).toEqual(probesDown.map(() => 503));
    expect.soft(probes.map((p) => p.healthz)).toEqual(probes.map(() => 200));
    // The readiness ping has a 2 s timeout of its own.
    expect.soft(Math.max(...probes.map((p) => p.readyzMs)), '/readyz answers in bounded time').toBeLessThanOrEqual(5_000);

    // Back by itself: /readyz 200 soon after the engine is up, and every request sent after that succeeds.
    expect.soft(readyAgain.ok, `/readyz after the engine was back: ${JSON.stringify(readyAgain.value)}`).toBe(true);
    // A restarted engine's first writes (plans made afresh, index writers opened) can take longer than a
    // request waits on a loaded machine: those are answered SERVICE_UNAVAILABLE within the bound. Every
    // kind then succeeds, until the last answer of each kind is data.
    const after = outcomes.filter((o) => o.startedAt >= ready);
    for (const op of OPS) expect.soft(after.filter((o) => o.op === op && o.kind === 'data').length, `${op} after recovery`).toBeGreaterThan(0);
    const failedAfter = after.filter((o) => o.kind !== 'data' && o.code !== 'SERVICE_UNAVAILABLE');
    expect.soft(failedAfter, `failed after /readyz was 200 again: ${show(failedAfter)}`).toEqual([]);
    expect.soft(recovered.ok, `the last answer of every kind since recovery was data within 30 s: ${show(after.slice(-8))}`).toBe(true);
    timings.unavailableAfterReady = after.length - after.filter((o) => o.kind === 'data').length;

    // Every acknowledged registration is there exactly once and whole; nothing of this run is half written.
    const registrations = await auditRegistrations(db, token, load.acknowledged);
    timings.acknowledgedRegistrations = load.acknowledged.length;
    timings.registrationsInDatabase = registrations.organizations;
    expect.soft(load.acknowledged.length).toBeGreaterThan(0);
    expect.soft(registrations.missingOrBroken).toEqual([]);
    expect.soft(registrations.halfWritten).toEqual([]);
    expect.soft(registrations.organizations).toBeGreaterThanOrEqual(load.acknowledged.length);
    expect.soft(registrations.organizations).toBeLessThanOrEqual(load.registrations.length);

    // Every acknowledged update's value, or a later one, is stored, with one audit entry per update done.
    const stored = await db.read(async (tx) => {
      const result = await tx.run<{ id: string; description: string; updatedBy: string | null; audits: number }>({
        text: `MATCH (o:Organization) WHERE o.id IN $ids
               RETURN o.id AS id, o.description AS description, o.updatedBy AS updatedBy,
                      COUNT { MATCH (e:AuditEntry {action: 'updateOrganization'}) WHERE o.id IN e.targetIds } AS audits`,
        parameters: { ids: organizationIds },
      });
      return new Map(result.records.map((r) => [r.get('id'), r.toObject()]));
    });
    for (const target of load.updateTargets) {
      const row = stored.get(target.organizationId)!;
      const value = Number(/-(\d+)$/.exec(row.description ?? '')?.[1] ?? 0);
      const lastAcknowledged = target.acknowledged.at(-1) ?? 0;
      expect.soft(target.acknowledged.length, 'acknowledged updates').toBeGreaterThan(0);
      expect.soft(value, `stored value of ${target.organizationId}`).toBeGreaterThanOrEqual(lastAcknowledged);
      expect.soft(value).toBeLessThanOrEqual(target.attempted.at(-1)!);
      expect.soft(row.updatedBy).toBe(admin.id);
      // An update and its audit entry are one transaction: at least one entry per acknowledged update,
      // never more than were sent.
      expect.soft(row.audits).toBeGreaterThanOrEqual(target.acknowledged.length);
      expect.soft(row.audits).toBeLessThanOrEqual(target.attempted.length);
    }

    // Every acknowledged initiative is there once, whole: its kommun, its source, its change record and audit entry.
    // Of those sent and not acknowledged, any that is there is whole too.
    const initiatives = await db.read(async (tx) => {
      const result = await tx.run<{ name: string; count: number; whole: boolean }>({
        text: `UNWIND $names AS name
               OPTIONAL MATCH (i:Initiative {name: name})
               WITH name, collect(i) AS found
               RETURN name, size(found) AS count, all(i IN found WHERE
                 EXISTS { MATCH (i)-[:IN_MUNICIPALITY]->(:Municipality {code: $kommun}) } AND EXISTS { MATCH (i)-[:CITES]->(:Source) }
                 AND COUNT { MATCH (c:Change {targetId: i.id, action: 'createInitiative'}) } = 1
                 AND COUNT { MATCH (e:AuditEntry {action: 'createInitiative'}) WHERE i.id IN e.targetIds } = 1) AS whole`,
        parameters: { names: load.initiativesSent, kommun: MUNICIPALITY },
      });
      return new Map(result.records.map((r) => [r.get('name'), r.toObject()]));
    });
    timings.acknowledgedInitiatives = load.initiativesAcknowledged.length;
    expect.soft(load.initiativesAcknowledged.length, 'acknowledged initiatives').toBeGreaterThan(0);
    for (const name of load.initiativesAcknowledged) expect.soft(initiatives.get(name), name).toEqual({ name, count: 1, whole: true });
    for (const name of load.initiativesSent) expect.soft(initiatives.get(name)!.whole, name).toBe(true);
  });
});

/** True when something accepts a TCP connection on this localhost port. */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** The pid of this file's engine: the JVM this process started with this (unique) data directory. */
function enginePid(dataDir: string): number {
  const out = execFileSync('pgrep', ['-P', String(process.pid), '-f', `Launcher --data-dir ${path.resolve(dataDir)}`], { encoding: 'utf8' });
  return Number(out.trim().split('\n')[0]);
}
