import { newId } from '../../../shared/ids.ts';
import { command } from '../../../writes/command.ts';
import { computeMeasuresArguments, scopeKey } from '../inputs.ts';
import type { MeasuresRunRecord } from '../store.ts';

/**
 * Records a QUEUED measures run of a scope; the resolver hands it to the jobs, which fill it in. Audited
 * as every mutation is; no change record, for it changes nothing of the network.
 */
export const computeMeasures = command({
  name: 'computeMeasures',
  action: 'computeMeasures',
  arguments: computeMeasuresArguments,
  facts: async () => ({}),
  resource: () => ({}),
  async apply(tx, { input }, _facts, viewer) {
    const id = newId();
    const result = await tx.run<{ run: MeasuresRunRecord }>({
      text: `CREATE (run:MeasuresRun {id: $id, state: 'QUEUED', progress: 0.0, county: $county, asOf: $asOf, scopeKey: $scopeKey,
                                     startedAt: datetime(), heartbeatAt: datetime(), requestedBy: $requestedBy})
             RETURN run { .id, .state, .progress, .county, .asOf, startedAt: toString(run.startedAt), finishedAt: null, error: null, revision: null, heartbeatAt: toString(run.heartbeatAt) } AS run`,
      parameters: {
        id,
        county: input.county,
        asOf: input.asOf?.text ?? null,
        scopeKey: scopeKey(input.county, input.asOf?.text ?? null),
        requestedBy: viewer.accountId,
      },
    });
    return { result: result.records[0]!.get('run'), changes: [], audit: { targetIds: [id], fields: ['county', 'asOf'] } };
  },
});
