import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../server/shared/ids.ts';
import { change, diffFields } from '../../server/writes/changes.ts';
import { recordWrite } from '../../server/writes/record.ts';
import { personFields } from '../../server/actors/commands/person-fields.ts';
import { createTestAccount, type TestAccount } from '../helpers/accounts.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { removeNodes, uniqueToken } from '../helpers/fixtures.ts';
import { useTestService } from '../helpers/service.ts';

// Lycksele (2481) is this file's kommun: no other test file uses it.
const KOMMUN = '2481';

const createOrganization = `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`;
const createInitiative = `mutation ($input: CreateInitiativeInput!) { createInitiative(input: $input) { id } }`;
const createPerson = `mutation ($input: CreatePersonInput!) { createPerson(input: $input) { id kind name version ... on Person { organization { id } } } }`;
const recordConsent = `mutation ($id: ID!) { recordConsent(personId: $id, input: { purpose: "Visas som förebild i registret", givenBy: "Personen själv" }) { id } }`;
const history = `query ($id: ID!) { history(id: $id) { edges { node { action targetKind byRole fields { field before after } } } } }`;
const source = { title: 'Intervju i lokaltidningen', publisher: 'Lycksele kommun' };

type FieldChange = { field: string; before: string | null; after: string | null };
type HistoryNode = { action: string; targetKind: string; byRole: string; fields: FieldChange[] };

/** The JSON text a change holds for a value, as the history shows it. */
const json = (value: unknown) => JSON.stringify(value);

describe('a person written through the API: their history, and their erasure from it', () => {
  const db = useTestDatabase();
  const { client } = useTestService();
  // The name holds quotation marks, which JSON escapes: the erasure must find the name in a change's JSON text too.
  const token = uniqueToken('Lycksele');
  const person = { name: `Erika "Ekan" ${token}`, email: `${token.toLowerCase()}@example.org`, phone: `070-${randomInt(1_000_000, 10_000_000)}` };
  const ids: string[] = [];
  let admin: TestAccount;
  let strategist: TestAccount;
  let researcher: TestAccount;
  let organizationId: string;
  let initiativeId: string;
  let personId: string;

  const historyOf = async (id: string, headers: Record<string, string> = {}) =>
    (await client().data(history, { id }, headers)).history.edges.map((edge: { node: HistoryNode }) => edge.node) as HistoryNode[];

  beforeAll(async () => {
    admin = await createTestAccount(db, 'ADMIN');
    strategist = await createTestAccount(db, 'STRATEGIST', { municipalities: [KOMMUN] });
    researcher = await createTestAccount(db, 'RESEARCHER');
    const organization = {
      kind: 'ASSOCIATION',
      name: `${uniqueToken('Forening')} Läxhjälpen`,
      description: `Kontakt: ${person.name}, ${person.email}, ${person.phone}`,
      themes: ['sprak-och-utbildning'],
      municipalities: [KOMMUN],
      source,
    };
    organizationId = (await client().data(createOrganization, { input: organization }, strategist.headers)).createOrganization.id;
    const initiative = { kind: 'ACTIVITY', name: `${uniqueToken('Initiativ')} Läxhjälp`, themes: ['sprak-och-utbildning'], municipalities: [KOMMUN], source };
    initiativeId = (await client().data(createInitiative, { input: initiative }, strategist.headers)).createInitiative.id;
    ids.push(organizationId, initiativeId);
  });
  afterAll(() => removeNodes(db, [...ids, personId].filter(Boolean)));

  it('creates a role model affiliated with an organisation, hidden from the public until a consent is recorded', async () => {
    const input = {
      ...person,
      title: 'Förebild',
      description: `${person.name} berättar om läxhjälp.`,
      roleModel: true,
      themes: ['sprak-och-utbildning'],
      municipalities: [KOMMUN],
      affiliation: organizationId,
      source: { title: `Intervju med ${person.name}`, publisher: 'Lycksele kommun' },
    };
    const created = (await client().data(createPerson, { input }, strategist.headers)).createPerson;
    personId = created.id;
    expect(created).toEqual({ id: personId, kind: 'ROLE_MODEL', name: person.name, version: 1, organization: { id: organizationId } });

    const read = 'query ($id: ID!) { actor(id: $id) { id } }';
    expect((await client().data(read, { id: personId })).actor).toBeNull();
    await client().data(recordConsent, { id: personId }, strategist.headers);
    expect((await client().data(read, { id: personId })).actor).toEqual({ id: personId });
  });

  it('shows the values of its history to an admin and a strategist of its kommun, and its personal fields as null to the public and researchers', async () => {
    const created = {
      action: 'createPerson',
      targetKind: 'Person',
      byRole: 'STRATEGIST',
      fields: [
        { field: 'kind', before: null, after: json('ROLE_MODEL') },
        { field: 'name', before: null, after: json(person.name) },
        { field: 'title', before: null, after: json('Förebild') },
        { field: 'description', before: null, after: json(`${person.name} berättar om läxhjälp.`) },
        { field: 'email', before: null, after: json(person.email) },
        { field: 'phone', before: null, after: json(person.phone) },
        { field: 'themes', before: null, after: json(['sprak-och-utbildning']) },
        { field: 'municipalities', before: null, after: json([KOMMUN]) },
        { field: 'organization', before: null, after: json(organizationId) },
      ],
    };
    const consented = { action: 'recordConsent', targetKind: 'Person', byRole: 'STRATEGIST', fields: [{ field: 'consentGiven', before: json(false), after: json(true) }] };
    expect(await historyOf(personId, admin.headers)).toEqual([consented, created]);
    expect(await historyOf(personId, strategist.headers)).toEqual([consented, created]);

    const personal = new Set(['name', 'title', 'description', 'email', 'phone']);
    const withoutPersonal = { ...created, fields: created.fields.map((f) => (personal.has(f.field) ? { ...f, before: null, after: null } : f)) };
    expect(await historyOf(personId)).toEqual([consented, withoutPersonal]);
    expect(await historyOf(personId, researcher.headers)).toEqual([consented, withoutPersonal]);
  });

  it('erases the person from every change: no value of theirs is left in any Change, and the audit log keeps ids only', async () => {
    // A participation's change, as adding one will record it: the person is one of its subjects, not its target.
    const participationId = newId();
    await db.write(
      (tx) =>
        recordWrite(tx, { accountId: strategist.id, role: 'STRATEGIST', organizationId: null, municipalities: [KOMMUN] }, 'addParticipation', [
          change({
            targetId: participationId,
            targetKind: 'Participation',
            subjectIds: [personId, initiativeId],
            participationId,
            public: true,
            fields: diffFields('Participation', ['actor', 'initiative', 'role'], null, { actor: personId, initiative: initiativeId, role: 'CONTACT' }),
            sourceId: null,
            reason: `${person.name} leder läxhjälpen`,
          }),
        ], undefined),
      { changesNetwork: false },
    );

    expect((await client().data('mutation ($id: ID!) { erasePerson(id: $id) }', { id: personId }, admin.headers)).erasePerson).toBe(true);

    // Case is ignored: the e-mail holds the token in lower case.
    const holding = await db.query<{ id: string }>({
      text: `MATCH (c:Change) WHERE any(key IN keys(c) WHERE c[key] IS :: STRING AND toLower(c[key]) CONTAINS toLower($token)) RETURN c.id AS id`,
      parameters: { token },
    });
    expect(holding.records.map((record) => record.get('id'))).toEqual([]);

    const about = await db.query<{ action: string; fields: string; reason: string | null }>({
      text: `MATCH (c:Change) WHERE c.targetId = $id OR $id IN c.subjectIds RETURN c.action AS action, c.fields AS fields, c.reason AS reason ORDER BY c.revision, c.ordinal`,
      parameters: { id: personId },
    });
    const stored = about.records.map((record) => ({ action: record.get('action'), fields: JSON.parse(record.get('fields')) as FieldChange[], reason: record.get('reason') }));
    expect(stored.map((c) => c.action)).toEqual(['createPerson', 'recordConsent', 'addParticipation', 'erasePerson']);
    expect(stored[0]!.fields.map((f) => f.field)).toEqual([...personFields]);
    expect(stored[1]!.fields.map((f) => f.field)).toEqual(['consentGiven']);
    expect(stored.flatMap((c) => c.fields).every((f) => f.before === null && f.after === null)).toBe(true);
    expect(stored[2]!.reason).toBe('[borttaget] leder läxhjälpen');
    expect(stored[3]!.fields).toEqual([]);

    // Another node's change keeps its values, with the person's traces replaced, and stays valid JSON.
    const organizationChange = await db.query<{ fields: string }>({ text: `MATCH (c:Change {targetId: $id, action: 'createOrganization'}) RETURN c.fields AS fields`, parameters: { id: organizationId } });
    const description = (JSON.parse(organizationChange.records[0]!.get('fields')) as FieldChange[]).find((f) => f.field === 'description');
    expect(JSON.parse(description!.after!)).toBe('Kontakt: [borttaget], [borttaget], [borttaget]');

    const audit = await db.query<{ action: string; targetIds: string[]; fields: string[]; values: number }>({
      text: `MATCH (e:AuditEntry) WHERE $id IN e.targetIds
             RETURN e.action AS action, e.targetIds AS targetIds, e.fields AS fields,
                    size([key IN keys(e) WHERE any(text IN CASE WHEN e[key] IS :: LIST<STRING> THEN e[key] WHEN e[key] IS :: STRING THEN [e[key]] ELSE [] END
                                                    WHERE toLower(text) CONTAINS toLower($token))]) AS values
             ORDER BY e.at`,
      parameters: { id: personId, token },
    });
    const entries = audit.records.map((record) => record.toObject());
    expect(entries.map((e) => e.action)).toEqual(['createPerson', 'recordConsent', 'addParticipation', 'erasePerson']);
    expect(entries.every((e) => e.values === 0 && e.fields.every((field) => /^[a-zA-Z]+$/.test(field)))).toBe(true);
    expect(entries.at(-1)).toMatchObject({ targetIds: [personId], fields: [] });

    // The admin still reads that the person was recorded, consented and erased, and nothing of who they were.
    expect((await historyOf(personId, admin.headers)).map((c) => c.action)).toEqual(['erasePerson', 'recordConsent', 'createPerson']);
    expect((await historyOf(personId)).length).toBe(0);
  });
});
