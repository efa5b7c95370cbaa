import fc from 'fast-check';
import type { Viewer } from '../../server/auth/viewer.ts';
import type { Database } from '../../server/db/database.ts';
import { createOrganization } from '../../server/actors/commands/create-organization.ts';
import { createPerson } from '../../server/actors/commands/create-person.ts';
import { mergeOrganizations } from '../../server/actors/commands/merge-organizations.ts';
import { updateOrganization } from '../../server/actors/commands/update-organization.ts';
import { addParticipation } from '../../server/initiatives/commands/add-participation.ts';
import { createInitiative } from '../../server/initiatives/commands/create-initiative.ts';
import { removeParticipation } from '../../server/initiatives/commands/remove-participation.ts';
import { reviewInitiative } from '../../server/initiatives/commands/review-initiative.ts';
import { updateInitiative } from '../../server/initiatives/commands/update-initiative.ts';
import { ServiceError } from '../../server/shared/errors.ts';
import { execute } from '../../server/writes/executor.ts';

/**
 * Random writes to a network, as the API makes them (through the commands), for tests that hold what is
 * derived from the network to what a full read gives. A write names what it touches by position in the
 * pools (taken modulo their size when it is applied), so that a sequence stays meaningful as the pools
 * grow and shrink.
 */
export type NetworkWrite =
  | { kind: 'createOrganization'; name: string; themes: string[]; places: number[]; parent: number | null }
  | { kind: 'updateOrganization'; organization: number; name: string | null; themes: string[] | null; places: number[] | null }
  | { kind: 'createPerson'; affiliation: number; roleModel: boolean; themes: string[]; places: number[] }
  | { kind: 'createInitiative'; name: string; themes: string[]; places: number[]; year: number | null; partOf: number | null; byAssociation: number | null }
  | { kind: 'updateInitiative'; initiative: number; themes: string[] | null; places: number[] | null; partOf: number | null | 'keep'; endYear: number | null }
  | { kind: 'addParticipation'; actor: number; initiative: number }
  | { kind: 'removeParticipation'; initiative: number }
  | { kind: 'mergeOrganizations'; keep: number; merge: number }
  | { kind: 'reviewInitiative'; pending: number; approve: boolean };

const admin: Viewer = { accountId: 'network-writes-admin', role: 'ADMIN', organizationId: null, municipalities: [] };
const source = { title: 'Slumpad testkälla', url: 'https://example.se/kalla' };
/** Few names, so that equal names (ordered then by id) come up. */
const names = ['Alfa', 'Beta', 'Åby', 'Beta'];

export function networkWrites(pools: NetworkPools): fc.Arbitrary<NetworkWrite> {
  const themes = fc.subarray(pools.themes, { minLength: 1, maxLength: 4 });
  const places = fc.array(fc.nat({ max: pools.municipalities.length - 1 }), { minLength: 1, maxLength: 2 });
  const name = fc.constantFrom(...names);
  const any = fc.nat();
  return fc.oneof(
    fc.record({ kind: fc.constant('createOrganization' as const), name, themes, places, parent: fc.option(any, { nil: null, freq: 3 }) }),
    fc.record({
      kind: fc.constant('updateOrganization' as const),
      organization: any,
      name: fc.option(name, { nil: null }),
      themes: fc.option(themes, { nil: null }),
      places: fc.option(places, { nil: null }),
    }),
    fc.record({ kind: fc.constant('createPerson' as const), affiliation: any, roleModel: fc.boolean(), themes, places }),
    fc.record({
      kind: fc.constant('createInitiative' as const),
      name,
      themes,
      places,
      year: fc.option(fc.integer({ min: 2023, max: 2027 }), { nil: null }),
      partOf: fc.option(any, { nil: null, freq: 3 }),
      byAssociation: fc.option(any, { nil: null, freq: 2 }),
    }),
    fc.record({
      kind: fc.constant('updateInitiative' as const),
      initiative: any,
      themes: fc.option(themes, { nil: null }),
      places: fc.option(places, { nil: null }),
      partOf: fc.oneof(fc.constant('keep' as const), fc.constant(null), any),
      endYear: fc.option(fc.integer({ min: 2024, max: 2028 }), { nil: null }),
    }),
    fc.record({ kind: fc.constant('addParticipation' as const), actor: any, initiative: any }),
    fc.record({ kind: fc.constant('addParticipation' as const), actor: any, initiative: any }),
    fc.record({ kind: fc.constant('removeParticipation' as const), initiative: any }),
    fc.record({ kind: fc.constant('mergeOrganizations' as const), keep: any, merge: any }),
    fc.record({ kind: fc.constant('reviewInitiative' as const), pending: any, approve: fc.boolean() }),
  );
}

const at = <T>(list: T[], n: number): T => list[n % list.length]!;

/** What the writes pick from: the network's organisations, people and initiatives in a few kommuner, and those the writes made. */
export class NetworkPools {
  private readonly touched = new Set<string>();

  private constructor(
    readonly themes: string[],
    readonly municipalities: string[],
    private readonly organizations: string[],
    private readonly people: string[],
    private readonly initiatives: string[],
    private readonly pending: string[] = [],
  ) {}

  /** The kommuner with the most initiatives, and what works there. */
  static async read(db: Database): Promise<NetworkPools> {
    const record = (
      await db.query<{ themes: string[]; municipalities: string[]; organizations: string[]; people: string[]; initiatives: string[] }>({
        text: `MATCH (t:Theme) WITH collect(t.key) AS themes
               MATCH (m:Municipality)<-[:IN_MUNICIPALITY]-(i:Initiative {status: 'VERIFIED'})
               WITH themes, m, count(i) AS initiatives ORDER BY initiatives DESC, m.code LIMIT 4
               WITH themes, collect(m) AS places
               CALL (places) { UNWIND places AS m MATCH (o:Organization {status: 'VERIFIED'})-[:IN_MUNICIPALITY]->(m) RETURN collect(DISTINCT o.id)[..40] AS organizations }
               CALL (places) { UNWIND places AS m MATCH (p:Person)-[:IN_MUNICIPALITY]->(m) RETURN collect(DISTINCT p.id)[..10] AS people }
               CALL (places) { UNWIND places AS m MATCH (i:Initiative {status: 'VERIFIED'})-[:IN_MUNICIPALITY]->(m) RETURN collect(DISTINCT i.id)[..40] AS initiatives }
               RETURN themes, [m IN places | m.code] AS municipalities, organizations, people, initiatives`,
      })
    ).records[0]!;
    return new NetworkPools(record.get('themes'), record.get('municipalities'), record.get('organizations'), record.get('people'), record.get('initiatives'));
  }

  /** The actors and initiatives to ask partner suggestions for: every one the writes touched, and the pools' first few. */
  subjects(): string[] {
    return [...new Set([...this.touched, ...this.organizations.slice(0, 5), ...this.initiatives.slice(0, 5), ...this.people.slice(0, 2)])];
  }

  /** Applies one write; one the service refuses (a cycle of parts, a participation twice) changes nothing and is passed over. */
  async apply(db: Database, write: NetworkWrite): Promise<void> {
    try {
      await this.run(db, write);
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
    }
  }

  private async run(db: Database, write: NetworkWrite): Promise<void> {
    const codes = (places: number[]) => [...new Set(places.map((p) => at(this.municipalities, p)))];
    const context = { db, viewer: admin };
    switch (write.kind) {
      case 'createOrganization': {
        const parent = write.parent === null ? null : at(this.organizations, write.parent);
        const input = { kind: 'ASSOCIATION', name: write.name, themes: write.themes, municipalities: codes(write.places), parent, source };
        this.add(this.organizations, (await execute(createOrganization, { input }, context)).id);
        if (parent) this.touched.add(parent);
        return;
      }
      case 'updateOrganization': {
        const id = at(this.organizations, write.organization);
        const input = {
          ...(write.name ? { name: write.name } : {}),
          ...(write.themes ? { themes: write.themes } : {}),
          ...(write.places ? { municipalities: codes(write.places) } : {}),
          source,
        };
        this.touched.add(id);
        await execute(updateOrganization, { id, input }, context);
        return;
      }
      case 'createPerson': {
        const affiliation = at(this.organizations, write.affiliation);
        const input = { name: 'Slumpad Person', roleModel: write.roleModel, themes: write.themes, municipalities: codes(write.places), affiliation, source };
        this.add(this.people, (await execute(createPerson, { input }, context)).id);
        this.touched.add(affiliation);
        return;
      }
      case 'createInitiative': {
        const partOf = write.partOf === null ? null : at(this.initiatives, write.partOf);
        const period = write.year === null ? {} : { start: `${write.year}-01`, end: `${write.year + 1}-06` };
        const input = { kind: 'PROJECT', name: write.name, themes: write.themes, municipalities: codes(write.places), partOf, ...period, source };
        if (write.byAssociation === null) {
          this.add(this.initiatives, (await execute(createInitiative, { input }, context)).id);
          return;
        }
        // An association's initiative waits for review, unseen until then.
        const association: Viewer = { accountId: 'network-writes-association', role: 'ASSOCIATION', organizationId: at(this.organizations, write.byAssociation), municipalities: [] };
        this.add(this.pending, (await execute(createInitiative, { input }, { db, viewer: association })).id);
        return;
      }
      case 'updateInitiative': {
        const id = at(this.initiatives, write.initiative);
        const input = {
          ...(write.themes ? { themes: write.themes } : {}),
          ...(write.places ? { municipalities: codes(write.places) } : {}),
          ...(write.partOf === 'keep' ? {} : { partOf: write.partOf === null ? null : at(this.initiatives, write.partOf) }),
          ...(write.endYear === null ? {} : { end: `${write.endYear}-12` }),
          source,
        };
        this.touched.add(id);
        await execute(updateInitiative, { id, input }, context);
        return;
      }
      case 'addParticipation': {
        const actors = [...this.organizations, ...this.people];
        const input = { actorId: at(actors, write.actor), initiativeId: at(this.initiatives, write.initiative), role: 'PARTNER', source };
        this.touched.add(input.actorId);
        this.touched.add(input.initiativeId);
        await execute(addParticipation, { input }, context);
        return;
      }
      case 'removeParticipation': {
        const initiative = at(this.initiatives, write.initiative);
        const found = await db.query<{ id: string; actor: string }>({
          text: `MATCH (a:Actor)-[r:PARTICIPATES_IN {status: 'CONFIRMED'}]->(:Initiative {id: $initiative}) RETURN r.id AS id, a.id AS actor ORDER BY r.id LIMIT 1`,
          parameters: { initiative },
        });
        const participation = found.records[0];
        if (!participation) return;
        this.touched.add(initiative);
        this.touched.add(participation.get('actor'));
        await execute(removeParticipation, { id: participation.get('id'), reason: 'Slutade samarbeta' }, context);
        return;
      }
      case 'mergeOrganizations': {
        const keepId = at(this.organizations, write.keep);
        const mergeId = at(this.organizations, write.merge);
        if (keepId === mergeId) return;
        await execute(mergeOrganizations, { keepId, mergeId, reason: 'Samma förening två gånger' }, context);
        this.organizations.splice(this.organizations.indexOf(mergeId), 1);
        this.touched.delete(mergeId);
        this.touched.add(keepId);
        return;
      }
      case 'reviewInitiative': {
        if (this.pending.length === 0) return;
        const id = at(this.pending, write.pending);
        await execute(reviewInitiative, { id, approve: write.approve, reason: write.approve ? null : 'Inte ett initiativ' }, context);
        this.pending.splice(this.pending.indexOf(id), 1);
        if (write.approve) this.add(this.initiatives, id);
        return;
      }
    }
  }

  private add(pool: string[], id: string): void {
    pool.push(id);
    this.touched.add(id);
  }
}
