import { afterAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../helpers/database.ts';
import { auditRegistrations, LoadMix, type AcknowledgedRegistration, newRunToken, registrationPassword, removeRun, summarize, timedGraphql, waitFor } from '../helpers/resilience-load.ts';
import { ServiceProcess } from '../helpers/resilience-process.ts';
import { freePort } from '../helpers/tcp-proxy.ts';

/**
 * Requirement 5: the service dies. The real service runs as a child process (`node --import tsx
 * scripts/serve.ts`) against the run's Neo4j; registrations are driven at it while it is killed.
 *
 * Upplands Väsby (0114) keeps this file's registrations apart from other files' strategists.
 */
const MUNICIPALITY = '0114';
/** A request counts as in flight at a signal when it was sent at least this long before it (localhost). */
const IN_FLIGHT_MARGIN_MS = 50;
/** SIGTERM: the process exits within this bound (Apollo's drain gives requests 10 s, then closes). */
const EXIT_BOUND_MS = 20_000;

describe('the service process dies under writes', { timeout: 120_000 }, () => {
  const db = useTestDatabase();
  const token = newRunToken('Processdod');
  const children: ServiceProcess[] = [];
  const timings: Record<string, number> = {};
  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await removeRun(db, token);
    console.info(`[resilience] process death timings: ${JSON.stringify(timings)}`);
  });

  // The service the SIGKILL test restarts; the SIGTERM test stops it (or starts one of its own).
  let restarted: ServiceProcess | undefined;
  let acknowledgedBefore: AcknowledgedRegistration[] = [];

  it('keeps every acknowledged registration whole through a SIGKILL and a restart', async () => {
    const port = await freePort();
    let t = Date.now();
    const first = await ServiceProcess.start(port);
    children.push(first.service);
    timings.firstStartMs = Date.now() - t;

    // SIGKILL in the middle of writes: several registrations in flight, some already acknowledged.
    const killed = new LoadMix({ url: first.service.url, token, label: 'k', municipality: MUNICIPALITY, registrationLoops: 4, readLoops: 0, deadlineMs: 20_000, maxPerLoop: 200, pauseMs: 0, stopOnTransportError: true });
    const readyToKill = await waitFor(
      async () => ({ acknowledged: killed.acknowledged.length, inFlight: inFlightFor(killed, IN_FLIGHT_MARGIN_MS) }),
      (s) => s.acknowledged >= 8 && s.inFlight >= 2,
      30_000,
      5,
    );
    expect(readyToKill.ok, `registrations before the kill: ${JSON.stringify(readyToKill.value)} ${JSON.stringify(summarize(killed.outcomes))}`).toBe(true);
    const inFlightAtKill = inFlightFor(killed, IN_FLIGHT_MARGIN_MS);
    first.service.kill('SIGKILL');
    expect(await first.service.exited).toEqual({ code: null, signal: 'SIGKILL' });
    await killed.settled();
    timings.killedInFlight = inFlightAtKill;
    timings.acknowledgedBeforeKill = killed.acknowledged.length;
    console.info(`[resilience] SIGKILL outcomes: ${JSON.stringify(summarize(killed.outcomes))}`);
    // The kill really cut requests off: some got no answer.
    expect(killed.outcomes.filter((o) => o.kind === 'transport').length).toBeGreaterThan(0);

    // Restart on the same port; every acknowledged registration is there, whole, and nothing is half written.
    t = Date.now();
    const second = await ServiceProcess.start(port);
    children.push(second.service);
    restarted = second.service;
    timings.restartMs = Date.now() - t;
    const afterKill = await auditRegistrations(db, token, killed.acknowledged);
    expect(afterKill.missingOrBroken).toEqual([]);
    expect(afterKill.halfWritten).toEqual([]);
    expect(afterKill.organizations).toBeGreaterThanOrEqual(killed.acknowledged.length);
    expect(afterKill.organizations).toBeLessThanOrEqual(killed.registrations.length);
    // And the restarted service serves them: the last acknowledged association signs in as itself.
    const last = killed.acknowledged.at(-1)!;
    const login = await timedGraphql(second.service.url, 'read', 'login', `mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { account { organization { id } } } }`, { e: last.input.email, p: registrationPassword }, {}, 20_000);
    expect(login.data?.login?.account?.organization?.id, JSON.stringify(login)).toBe(last.id);
    acknowledgedBefore = killed.acknowledged;
  });

  it('finishes the requests in flight at a SIGTERM and exits 0', async () => {
    let service = restarted;
    if (!service) {
      service = (await ServiceProcess.start(await freePort())).service;
      children.push(service);
    }
    // SIGTERM under load: what is in flight when the signal arrives completes with data; the process exits 0.
    const terminated = new LoadMix({ url: service.url, token, label: 't', municipality: MUNICIPALITY, registrationLoops: 4, readLoops: 2, deadlineMs: 20_000, maxPerLoop: 200, pauseMs: 0, stopOnTransportError: true });
    const readyToTerm = await waitFor(
      // Every loop has had answers (so its keep-alive connection is open) and several requests are in flight.
      async () => ({ acknowledged: terminated.acknowledged.length, inFlight: inFlightFor(terminated, IN_FLIGHT_MARGIN_MS) }),
      (s) => s.acknowledged >= 8 && s.inFlight >= 3,
      30_000,
      5,
    );
    expect(readyToTerm.ok, `requests before SIGTERM: ${JSON.stringify(readyToTerm.value)}`).toBe(true);
    const signalledAt = Date.now();
    service.kill('SIGTERM');
    const exit = await Promise.race([service.exited, new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), EXIT_BOUND_MS))]);
    timings.sigtermExitMs = Date.now() - signalledAt;
    await terminated.stop();
    console.info(`[resilience] SIGTERM outcomes: ${JSON.stringify(summarize(terminated.outcomes))}`);
    expect(exit, service.log.slice(-2000)).toEqual({ code: 0, signal: null });
    expect(service.log).toMatch(/"msg":"stopped"/);

    const inFlight = terminated.outcomes.filter((o) => o.startedAt <= signalledAt - IN_FLIGHT_MARGIN_MS && o.endedAt >= signalledAt);
    timings.inFlightAtSigterm = inFlight.length;
    expect(inFlight.length).toBeGreaterThanOrEqual(3);
    const cut = inFlight.filter((o) => o.kind !== 'data');
    expect(cut, `in flight at SIGTERM and not answered with data: ${JSON.stringify(cut)}`).toEqual([]);

    // What SIGTERM let finish is in the database, whole, like everything acknowledged before.
    const afterTerm = await auditRegistrations(db, token, [...acknowledgedBefore, ...terminated.acknowledged]);
    expect(afterTerm.missingOrBroken).toEqual([]);
    expect(afterTerm.halfWritten).toEqual([]);
    timings.acknowledgedAtSigterm = terminated.acknowledged.length;
  });
});

/** Requests sent at least `marginMs` ago and not yet answered. */
function inFlightFor(load: LoadMix, marginMs: number): number {
  const now = Date.now();
  return [...load.inFlight].filter((request) => now - request.startedAt >= marginMs).length;
}
