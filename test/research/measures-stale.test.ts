import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopeKey } from '../../server/research/measures/inputs.ts';
import { newId } from '../../server/shared/ids.ts';
import { createTestAccount, type TestAccount } from '../helpers/accounts.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createInitiatives, createOrganizations, createParticipations, removeNodes, uniqueToken } from '../helpers/fixtures.ts';
import { useTestService } from '../helpers/service.ts';

// Västernorrland (län 22, Timrå 2262) is this file's: no other test file writes there.
const COUNTY = '22';
const TIMRA = '2262';
const STALE_AFTER_SECONDS = 5;
/** A run is seconds of work, but a loaded machine compiles its statements slowly the first time. */
const runTimeoutMs = 240_000;

type Run = { id: string; state: string; error: string | null; finishedAt: string | null };
const runFields = 'id state error finishedAt';

describe('measures runs left by a service that went away', { timeout: runTimeoutMs + 30_000 }, () => {
  const db = useTestDatabase();
  const { client } = useTestService({ MEASURES_STALE_AFTER_SECONDS: String(STALE_AFTER_SECONDS) });
  const ids: string[] = [];
  const runIds: string[] = [];
  let researcher: TestAccount;

  beforeAll(async () => {
    const token = uniqueToken('Stale');
    const [association, authority] = await createOrganizations(db, [
      { name: `${token} förening`, municipalities: [TIMRA] },
      { name: `${token} polisen`, kind: 'AUTHORITY', municipalities: [TIMRA] },
    ]);
    const [project] = await createInitiatives(db, [{ name: `${token} projekt`, start: '2020', municipalities: [TIMRA] }]);
    ids.push(association!, authority!, project!);
    await createParticipations(db, [
      { actor: association!, initiative: project!, role: 'LEAD' },
      { actor: authority!, initiative: project!, role: 'PARTNER' },
    ]);
    researcher = await createTestAccount(db, 'RESEARCHER');
  });
  afterAll(async () => {
    await removeNodes(db, ids);
    await db.write((tx) => tx.run({ text: 'MATCH (run:MeasuresRun) WHERE run.id IN $runIds DETACH DELETE run', parameters: { runIds } }), { changesNetwork: false });
  });

  /** A run as a killed service leaves it: RUNNING (or QUEUED), its last heartbeat `secondsAgo` ago. */
  async function leftBehind(state: 'QUEUED' | 'RUNNING', secondsAgo: number): Promise<string> {
    const id = newId();
    runIds.push(id);
    await db.write(
      (tx) =>
        tx.run({
          text: `CREATE (:MeasuresRun {id: $id, state: $state, progress: 0.45, county: $county, asOf: null, scopeKey: $scopeKey,
                   startedAt: datetime() - duration({seconds: $secondsAgo + 60}), heartbeatAt: datetime() - duration({seconds: $secondsAgo})})`,
          parameters: { id, state, county: COUNTY, scopeKey: scopeKey(COUNTY, null), secondsAgo },
        }),
      { changesNetwork: false },
    );
    return id;
  }

  const read = async (id: string) => (await client().data<{ measuresRun: Run }>(`query ($id: ID!) { measuresRun(id: $id) { ${runFields} } }`, { id }, researcher.headers)).measuresRun;

  it('reports a run whose heartbeat stopped as FAILED, saying why, and lets a new run of its scope start and finish', async () => {
    const stale = await leftBehind('RUNNING', 10 * STALE_AFTER_SECONDS);
    const failed = await read(stale);
    expect(failed.state).toBe('FAILED');
    expect(failed.error).toMatch(/stopped without finishing it \(no heartbeat since \d{4}-\d{2}-\d{2}T/);
    expect(failed.finishedAt).not.toBeNull();

    // A queued one left behind is swept when a new run is asked for.
    const queued = await leftBehind('QUEUED', 10 * STALE_AFTER_SECONDS);
    const started = (await client().data<{ computeMeasures: Run }>(`mutation ($input: MeasuresInput) { computeMeasures(input: $input) { ${runFields} } }`, { input: { county: COUNTY } }, researcher.headers)).computeMeasures;
    runIds.push(started.id);
    const swept = await db.query<{ state: string }>({ text: 'MATCH (run:MeasuresRun {id: $id}) RETURN run.state AS state', parameters: { id: queued } });
    expect(swept.records[0]!.get('state')).toBe('FAILED');

    // The new run beats its heartbeat while it works, so it is never taken for one left behind.
    let run = started;
    for (const giveUpAt = Date.now() + runTimeoutMs; Date.now() < giveUpAt && run.state !== 'DONE' && run.state !== 'FAILED'; ) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      run = await read(started.id);
    }
    expect(run).toMatchObject({ state: 'DONE', error: null });
  });

  it('leaves a run whose heartbeat is recent as it is', async () => {
    const recent = await leftBehind('RUNNING', 0);
    expect((await read(recent)).state).toBe('RUNNING');
  });
});
