import type { Database } from '../../server/db/database.ts';
import { stableId } from '../../server/shared/ids.ts';
import type { MergedNetwork } from './merge.ts';

const REDACTED = '[borttaget]';

/**
 * People erased under GDPR art. 17 stay erased when the seed is loaded again: they are left out with
 * their participations, and their name, e-mail and phone are redacted from every text the seed carries.
 */
export async function withoutErasedPeople(db: Database, network: MergedNetwork): Promise<MergedNetwork> {
  const erased = await db.read(async (tx) => {
    const result = await tx.run<{ ids: string[] }>({ text: 'MATCH (e:Erasure) RETURN collect(e.personId) AS ids' });
    return new Set(result.records[0]?.get('ids') ?? []);
  });
  const gone = network.people.filter((person) => erased.has(stableId('Actor', person.key)));
  if (gone.length === 0) return network;

  const goneKeys = new Set(gone.map((person) => person.key));
  const traces = gone.flatMap((person) => [person.name, person.contact.email, person.contact.phone]).filter((t): t is string => !!t && t.length > 2);
  const redact = <T>(value: T): T => {
    if (typeof value === 'string') return traces.reduce((text, trace) => text.split(trace).join(REDACTED), value as string) as T;
    if (Array.isArray(value)) return value.map(redact) as T;
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redact(v)])) as T;
    return value;
  };
  return redact({
    ...network,
    people: network.people.filter((person) => !goneKeys.has(person.key)),
    participations: network.participations.filter((participation) => !goneKeys.has(participation.actor)),
  });
}
