import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSources } from '../../server/repositories/sources.ts';
import { newId } from '../../server/shared/ids.ts';
import { createTestAccount, type TestAccount } from '../helpers/accounts.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createInitiatives, createOrganizations, createParticipations, createPeople, removeNodes, uniqueToken } from '../helpers/fixtures.ts';
import { validOrganizationNumber } from '../helpers/organization-numbers.ts';
import { useTestService } from '../helpers/service.ts';
import {
  ACCOUNT_ROLES,
  booleanField,
  buildCase,
  CYPHER_INJECTIONS,
  countyField,
  drawn,
  emailField,
  emailVariant,
  enumField,
  extraField,
  hugeText,
  idField,
  INITIATIVE_KINDS,
  markEndBeforeStart,
  municipalitiesField,
  numberVariant,
  optionalField,
  ORGANIZATION_KINDS,
  organizationNumberField,
  partialDateField,
  PARTICIPATION_ROLES,
  passwordField,
  phoneField,
  Ref,
  sourceField,
  textField,
  themesField,
  wholeInput,
  wrongType,
  type Case,
  type Drawn,
} from './arbitraries.ts';
import { dashedNumber, exerciser, fixtures, modes, post, propertyTimeout, reader, sortedUnique, type Fields } from './harness.ts';

/**
 * The mutations that write the network and its accounts, fed valid and invalid arguments as in
 * mutation-inputs.property.test.ts: each answer is below HTTP 500 and either data or client errors that
 * name the field; an error leaves this file's data exactly as it was; what succeeds reads back as sent.
 *
 * The data lives in Åre (2321) and Berg (2326), which no other test file uses.
 */
const WRITE_MUNICIPALITIES = ['2321', '2326'] as const;
/** Jämtland, the län of this file's kommuner, and Norrbotten: the län a strategist's account may be made for. */
const COUNTIES = ['23', '25'] as const;

/** The source every `Ref('existingSource')` names. */
const EXISTING_SOURCE = { title: 'Årsredovisning 2024', url: 'https://example.org/arsredovisning', publisher: 'Åre kommun', published: '2025-02', document: 'arsredovisning.pdf' };

const sourceFields = 'sources { id title url publisher published document }';
const initiativeSelection = `id kind name description start end status version themes { key } municipalities { code } partOf { id }
  participants { role status actor { id } } ${sourceFields}`;
const initiativeQuery = `query ($id: ID!) { initiative(id: $id) { ${initiativeSelection} } }`;
const organizationSelection = `id kind name description organizationNumber status version parent { id } themes { key } municipalities { code }
  contact { email phone } ${sourceFields}`;
const organizationQuery = `query ($id: ID!) { actor(id: $id) { ... on Organization { ${organizationSelection} } } }`;
const personSelection = `id kind name description title version organization { id } themes { key } municipalities { code } contact { email phone } ${sourceFields}`;
const personQuery = `query ($id: ID!) { actor(id: $id) { ... on Person { ${personSelection} } } }`;
const latestChangeQuery = `query ($id: ID!) { history(id: $id, first: 1) { edges { node { action reason } } } }`;
const loginQuery = `mutation ($email: String!, $password: String!) { login(email: $email, password: $password) {
  account { id email role passwordChangeRequired organization { id } municipalities { code } } } }`;

interface Keyed {
  themes: { key: string }[];
  municipalities: { code: string }[];
}

/** Themes and kommuner as sorted keys and codes, so that a node compares with what was sent. */
function keyed<T extends Keyed>(node: T): Omit<T, 'themes' | 'municipalities'> & { themes: string[]; municipalities: string[] } {
  return { ...node, themes: node.themes.map((t) => t.key).sort(), municipalities: node.municipalities.map((m) => m.code).sort() };
}

/** A list input as the service reads it: GraphQL makes a single value a list of one. */
const listOf = (value: unknown): string[] => (value == null ? [] : typeof value === 'string' ? [value] : (value as string[]));
const trimmedOrNull = (text: string | null | undefined) => (text == null ? null : text.trim());

describe('every write mutation answers data or a clear error, and an error changes nothing', () => {
  const db = useTestDatabase();
  const { service } = useTestService();
  const url = () => service().url;
  const token = uniqueToken('Skriv');
  const removable: string[] = [];
  const madeAccounts: string[] = [];

  let admin: TestAccount;
  let strategist: TestAccount;
  let researcher: TestAccount;
  let leadAccount: TestAccount;
  let leadId: string;
  let parentId: string;
  let initiativeId: string;
  let personId: string;
  let sourceId: string;
  let takenNumber: string;
  const countyKommuner: Record<string, string[]> = {};

  let counter = 0;
  const freshEmail = () => `${token.toLowerCase()}.${++counter}@example.org`;

  const asAdmin = reader(url, () => admin.headers);

  /** A verified initiative led by the lead association, moved to version 2 by an edit, as updates find them. */
  async function freshInitiative(): Promise<string> {
    const [id] = await createInitiatives(db, [{ name: `${token} Initiativ ${++counter}`, municipalities: ['2326'], themes: ['fritid'] }]);
    removable.push(id!);
    await createParticipations(db, [{ actor: leadId, initiative: id!, role: 'LEAD' }]);
    const edit = await post(
      url(),
      'mutation ($id: ID!, $input: UpdateInitiativeInput!) { updateInitiative(id: $id, input: $input) { version } }',
      { id, input: { description: 'Första beskrivningen.', source: { title: 'Projektplan', publisher: 'Berg kommun' } } },
      admin.headers,
    );
    expect(edit.json?.data?.updateInitiative, JSON.stringify(edit.json?.errors)).toEqual({ version: 2 });
    return id!;
  }
  async function freshPendingInitiative(): Promise<string> {
    const [id] = await createInitiatives(db, [{ name: `${token} Väntande initiativ ${++counter}`, municipalities: ['2326'], status: 'PENDING' }]);
    removable.push(id!);
    return id!;
  }
  /** The organisation a merge keeps: in Åre, with a theme, and no contact of its own. */
  async function freshKept(): Promise<string> {
    const [id] = await createOrganizations(db, [{ name: `${token} Behållen ${++counter}`, municipalities: ['2321'], themes: ['fritid'] }]);
    removable.push(id!);
    return id!;
  }
  /** The duplicate a merge takes in: in Berg, with another theme, an e-mail, and a part in the shared initiative. */
  async function freshDuplicate(): Promise<string> {
    const [id] = await createOrganizations(db, [
      { name: `${token} Dubblett ${++counter}`, municipalities: ['2326'], themes: ['halsa'], email: `dubblett.${counter}@example.org` },
    ]);
    removable.push(id!);
    await createParticipations(db, [{ actor: id!, initiative: initiativeId, role: 'PARTNER' }]);
    return id!;
  }

  /** An organisation that takes no part in anything yet. */
  async function freshParticipant(): Promise<string> {
    const [id] = await createOrganizations(db, [{ name: `${token} Deltagare ${++counter}`, municipalities: ['2326'] }]);
    removable.push(id!);
    return id!;
  }
  /** A role model who takes no part in anything yet. */
  async function freshPerson(): Promise<string> {
    const [id] = await createPeople(db, [{ name: `${token} Förebild ${++counter}`, roleModel: true, municipalities: ['2326'] }]);
    removable.push(id!);
    return id!;
  }
  /** A confirmed, undated PARTNER in the shared initiative, which the lead association leads. */
  async function freshParticipation(): Promise<string> {
    const [id] = await createParticipations(db, [{ actor: await freshParticipant(), initiative: initiativeId, role: 'PARTNER' }]);
    return id!;
  }
  /** A confirmed PARTNER in the shared initiative who is a role model without consent: hidden from the association that leads it. */
  async function hiddenParticipation(): Promise<string> {
    const [id] = await createParticipations(db, [{ actor: await freshPerson(), initiative: initiativeId, role: 'PARTNER' }]);
    return id!;
  }
  /** A participation that was removed: kept for its history, found by no edit. */
  async function removedParticipation(): Promise<string> {
    const id = await freshParticipation();
    const removal = await post(url(), 'mutation ($id: ID!) { removeParticipation(id: $id, reason: "Dubbelregistrerad") }', { id }, admin.headers);
    expect(removal.json?.data?.removeParticipation, JSON.stringify(removal.json?.errors)).toBe(true);
    return id;
  }

  beforeAll(async () => {
    admin = await createTestAccount(db, 'ADMIN');
    strategist = await createTestAccount(db, 'STRATEGIST', { municipalities: [...WRITE_MUNICIPALITIES] });
    researcher = await createTestAccount(db, 'RESEARCHER');
    [leadId, parentId] = (await createOrganizations(db, [
      { name: `${token} Åre ungdomsförening`, municipalities: ['2326'], themes: ['fritid'] },
      { name: `${token} Åre kommun`, kind: 'MUNICIPAL_UNIT', municipalities: ['2321'] },
    ])) as [string, string];
    removable.push(leadId, parentId);
    takenNumber = validOrganizationNumber();
    await db.write((tx) => tx.run({ text: 'MATCH (o:Organization {id: $id}) SET o.organizationNumber = $number', parameters: { id: parentId, number: takenNumber } }));
    leadAccount = await createTestAccount(db, 'ASSOCIATION', { organizationId: leadId });
    [initiativeId] = (await createInitiatives(db, [{ name: `${token} Fjällsamverkan`, municipalities: ['2321'] }])) as [string];
    removable.push(initiativeId);
    await createParticipations(db, [{ actor: leadId, initiative: initiativeId, role: 'LEAD' }]);
    [personId] = (await createPeople(db, [{ name: `${token} Kontaktperson`, municipalities: ['2326'] }])) as [string];
    removable.push(personId);
    sourceId = newId();
    await db.write((tx) => writeSources(tx, [{ id: sourceId, ...EXISTING_SOURCE }], { author: 'test' }));
    for (const county of COUNTIES) {
      const { municipalities } = (await post(url(), 'query ($county: String) { municipalities(county: $county) { code } }', { county })).json!.data as {
        municipalities: { code: string }[];
      };
      countyKommuner[county] = municipalities.map((m) => m.code);
    }
  });

  afterAll(async () => {
    console.log(summary());
    await db.write((tx) =>
      tx.run({
        text: `MATCH (a:Account) WHERE a.id IN $accounts OR EXISTS { (a)-[:REPRESENTS]->(o:Organization) WHERE o.id IN $ids } DETACH DELETE a`,
        parameters: { ids: removable, accounts: [...madeAccounts, ...[admin, strategist, researcher, leadAccount].filter(Boolean).map((a) => a.id)] },
      }),
    );
    await db.write((tx) =>
      tx.run({ text: 'MATCH (x)-[:FOR|OF]->(i:Initiative) WHERE (x:Grant OR x:Event) AND i.id IN $ids DETACH DELETE x', parameters: { ids: removable } }),
    );
    await removeNodes(db, removable);
    await db.write((tx) => tx.run({ text: 'MATCH (s:Source {id: $id}) DETACH DELETE s', parameters: { id: sourceId } }));
  });

  const accounts = () => ({ admin, strategist, researcher, lead: leadAccount });
  const roles = () => ({ admin: admin.headers, strategist: strategist.headers, researcher: researcher.headers, lead: leadAccount.headers });
  type RoleName = keyof ReturnType<typeof roles>;

  const baseScope = () => ({
    municipalities: WRITE_MUNICIPALITIES,
    ids: [leadId, parentId, initiativeId, personId, ...Object.values(accounts()).map((a) => a.id)],
    emails: Object.values(accounts()).map((a) => a.email),
    numbers: [takenNumber],
  });

  /** The shared fixtures by name, and the ones made fresh for one call. */
  const resolveCommon = fixtures({
    lead: () => leadId,
    parent: () => parentId,
    initiative: () => initiativeId,
    person: () => personId,
    existingSource: () => sourceId,
    freshInitiative,
    pendingInitiative: freshPendingInitiative,
    kept: freshKept,
    duplicate: freshDuplicate,
    participant: freshParticipant,
    freshPerson,
    freshParticipation,
    hiddenParticipation,
    removedParticipation,
  });

  const { exercise, expectBothOutcomes, summary } = exerciser({ db, url, roles, baseScope, resolveCommon });

  /** The source a write cites, as it reads back: the existing one it names, or a new one with its text trimmed. */
  function citedSource(sent: { id?: string; title?: string; url?: string; publisher?: string; published?: string; document?: string }) {
    if (sent.id) return { id: sent.id, ...EXISTING_SOURCE };
    return {
      id: expect.any(String),
      title: sent.title!.trim(),
      url: trimmedOrNull(sent.url),
      publisher: trimmedOrNull(sent.publisher),
      published: sent.published ?? null,
      document: trimmedOrNull(sent.document),
    };
  }

  /** A write's answer, as its caller may see it, and an admin's fresh read of the node both show it as expected. */
  async function expectReadsBack(query: string, data: Keyed & { id: string }, expected: object, answered: object = expected) {
    expect(keyed(data)).toEqual(answered);
    const read = await asAdmin(query, { id: data.id });
    expect(keyed(read.initiative ?? read.actor)).toEqual(expected);
  }

  /** Sent themes and kommuner as the sorted lists a node reads back with. */
  const sentLists = (sent: { themes?: unknown; municipalities?: unknown }) => ({
    themes: sortedUnique(listOf(sent.themes)),
    municipalities: sortedUnique(listOf(sent.municipalities)),
  });

  /** Sent contact details as they read back: trimmed, and no contact at all when there is neither. */
  const sentContact = (sent: { email?: string | null; phone?: string | null }) =>
    sent.email == null && sent.phone == null ? null : { email: trimmedOrNull(sent.email), phone: trimmedOrNull(sent.phone) };

  const initiativeRefs = (more: { ref: Ref; verdict: 'valid' | 'invalid'; weight?: number }[]) =>
    optionalField(idField([{ ref: new Ref('initiative'), verdict: 'valid' }, { ref: new Ref('person'), verdict: 'invalid', weight: 1 }, ...more]));
  const organizationRefs = optionalField(
    idField([
      { ref: new Ref('parent'), verdict: 'valid' },
      { ref: new Ref('lead'), verdict: 'valid' },
      { ref: new Ref('person'), verdict: 'invalid', weight: 1 },
      { ref: new Ref('initiative'), verdict: 'invalid', weight: 1 },
    ]),
  );
  const municipalities = (spec: Parameters<typeof municipalitiesField>[0]) => municipalitiesField({ codes: WRITE_MUNICIPALITIES, ...spec });
  const citation = sourceField('invalid', { existing: true });

  // ---------------------------------------------------------------------------------------------------
  // Initiatives

  it(
    'createInitiative: an initiative exactly as sent, citing its source, or names the field and creates nothing',
    async () => {
      const fields: Fields = {
        kind: enumField(INITIATIVE_KINDS),
        name: textField({ min: 2, max: 200, controls: 'forbidden' }),
        description: textField({ min: 0, max: 4000, controls: 'forbidden', nullable: true, optional: true }),
        start: partialDateField(),
        end: partialDateField(),
        themes: themesField({ nullable: false, optional: false }),
        municipalities: municipalities({ optional: false }),
        partOf: initiativeRefs([{ ref: new Ref('lead'), verdict: 'invalid', weight: 1 }]),
        source: citation,
      };
      const drawnCase = fc.tuple(modes(fields), extraField, wholeInput).map(([input, extra, whole]) => {
        const c = buildCase({ input: { fields: input, extra, whole } });
        markEndBeforeStart(c, 'input.start', 'input.end');
        return c;
      });
      const query = `mutation ($input: CreateInitiativeInput!) { createInitiative(input: $input) { ${initiativeSelection} } }`;
      await fc.assert(
        fc.asyncProperty(drawnCase, fc.constantFrom<RoleName>('strategist', 'admin', 'lead'), async (c, role) => {
          await exercise({
            mutation: 'createInitiative',
            query,
            role,
            c,
            verify: async ({ input: sent }, data) => {
              removable.push(data.id);
              // An association's initiative is its own to lead, and waits for review.
              const byAssociation = role === 'lead';
              const expected = {
                id: data.id,
                kind: sent.kind,
                name: sent.name.trim(),
                description: trimmedOrNull(sent.description),
                start: sent.start ?? null,
                end: sent.end ?? null,
                status: byAssociation ? 'PENDING' : 'VERIFIED',
                version: 1,
                ...sentLists(sent),
                partOf: sent.partOf ? { id: sent.partOf } : null,
                participants: byAssociation ? [{ role: 'LEAD', status: 'CONFIRMED', actor: { id: leadId } }] : [],
                sources: [citedSource(sent.source)],
              };
              await expectReadsBack(initiativeQuery, data, expected);
            },
          });
        }),
      );
      expectBothOutcomes('createInitiative');
    },
    propertyTimeout(),
  );

  /** Versions as `freshInitiative` leaves them: it is at 2, so 1 is stale and 3 is yet to come. */
  const expectedVersionField = fc.oneof(
    { arbitrary: fc.constant(drawn(2, 'valid', 'current-version')), weight: 4 },
    { arbitrary: fc.constant(drawn(1, 'invalid', 'older-version')), weight: 3 },
    { arbitrary: fc.constantFrom(3, 1_000).map((v) => drawn(v, 'invalid', 'later-version')), weight: 1 },
    { arbitrary: fc.constantFrom(0, -1).map((v) => drawn(v, 'invalid', 'impossible-version')), weight: 1 },
    { arbitrary: fc.constantFrom<unknown>(2.5, 2 ** 31, '2', true, [2]).map((v) => drawn(v, 'invalid', 'wrong-type')), weight: 1 },
    { arbitrary: fc.constant(drawn(null, 'valid', 'null')), weight: 1 },
    { arbitrary: fc.constant(drawn(undefined, 'valid', 'missing')), weight: 2 },
  );

  it(
    'updateInitiative: changes exactly the fields sent at the current version; an older version is CONFLICT and changes nothing',
    async () => {
      const fields: Fields = {
        kind: enumField(INITIATIVE_KINDS, { optional: true }),
        name: textField({ min: 2, max: 200, controls: 'forbidden', optional: true }),
        description: textField({ min: 0, max: 4000, controls: 'forbidden', nullable: true, optional: true }),
        start: partialDateField(),
        end: partialDateField(),
        themes: themesField({ nullable: false, optional: true }),
        municipalities: municipalities({}),
        // The initiative itself, or one of its own parts, would make a cycle of parts.
        partOf: initiativeRefs([
          { ref: new Ref('freshInitiative'), verdict: 'invalid', weight: 1 },
          { ref: new Ref('ownPart'), verdict: 'invalid', weight: 1 },
        ]),
        source: citation,
      };
      const id = idField([
        { ref: new Ref('freshInitiative'), verdict: 'valid', weight: 12 },
        { ref: new Ref('person'), verdict: 'invalid', weight: 1 },
        { ref: new Ref('lead'), verdict: 'invalid', weight: 1 },
      ]);
      const drawnCase = fc
        .tuple(
          fc.oneof({ arbitrary: id.filter((d) => d.verdict === 'valid'), weight: 4 }, { arbitrary: id, weight: 1 }),
          modes(fields),
          expectedVersionField,
          extraField,
          wholeInput,
        )
        .map(([idDrawn, input, expectedVersion, extra, whole]) => {
          const c = buildCase({ id: idDrawn, expectedVersion, input: { fields: input, extra, whole } });
          markEndBeforeStart(c, 'input.start', 'input.end');
          return c;
        });
      const query = `mutation ($id: ID!, $input: UpdateInitiativeInput!, $expectedVersion: Int) {
        updateInitiative(id: $id, input: $input, expectedVersion: $expectedVersion) { ${initiativeSelection} } }`;
      const onlyStale = (c: Case) => c.kinds.expectedVersion === 'older-version' && Object.entries(c.verdicts).every(([path, v]) => path === 'expectedVersion' || v === 'valid');
      await fc.assert(
        fc.asyncProperty(drawnCase, fc.constantFrom<RoleName>('strategist', 'admin', 'lead'), async (c, role) => {
          await exercise({
            mutation: 'updateInitiative',
            query,
            role,
            c,
            resolve: async (name, _variant, lookup) => {
              if (name !== 'ownPart') return undefined;
              const [part] = await createInitiatives(db, [{ name: `${token} Delprojekt ${++counter}`, municipalities: ['2326'], partOf: (await lookup('freshInitiative')) as string }]);
              removable.push(part!);
              return part;
            },
            before: async ({ id: target }) => (c.verdicts.id === 'valid' ? (await asAdmin(initiativeQuery, { id: target })).initiative : null),
            refused: (errors) => {
              if (onlyStale(c)) expect(errors.map((e) => e.extensions)).toEqual([expect.objectContaining({ code: 'CONFLICT', field: 'expectedVersion' })]);
            },
            verify: async ({ input: sent }, data, before) => {
              const was = keyed(before);
              const given = <K extends keyof typeof was>(key: K, value: (sentValue: any) => unknown) => (sent[key] === undefined ? was[key] : value(sent[key]));
              const expected = {
                ...was,
                kind: given('kind', (kind) => kind),
                name: given('name', (name) => name.trim()),
                description: given('description', trimmedOrNull),
                start: given('start', (start) => start),
                end: given('end', (end) => end),
                themes: given('themes', (themes) => sortedUnique(listOf(themes))),
                municipalities: given('municipalities', (codes) => sortedUnique(listOf(codes))),
                partOf: given('partOf', (partOf) => (partOf === null ? null : { id: partOf })),
                version: was.version + 1,
                sources: expect.arrayContaining([...was.sources, citedSource(sent.source)]),
              };
              expect(data.sources, 'the edit cites one source more').toHaveLength(was.sources.length + 1);
              await expectReadsBack(initiativeQuery, data, expected);
            },
          });
        }),
      );
      expectBothOutcomes('updateInitiative');
    },
    propertyTimeout(),
  );

  it(
    'reviewInitiative: records the decision and the reason as sent, or names the field and changes nothing',
    async () => {
      const fields: Fields = {
        id: idField([
          { ref: new Ref('pendingInitiative'), verdict: 'valid', weight: 10 },
          { ref: new Ref('initiative'), verdict: 'invalid', weight: 2 },
          { ref: new Ref('person'), verdict: 'invalid', weight: 1 },
        ]),
        approve: booleanField(),
        reason: textField({ min: 0, max: 1000, controls: 'forbidden', nullable: true, optional: true }),
      };
      const query = `mutation ($id: ID!, $approve: Boolean!, $reason: String) { reviewInitiative(id: $id, approve: $approve, reason: $reason) { id status version } }`;
      await fc.assert(
        fc.asyncProperty(modes(fields), fc.constantFrom<RoleName>('strategist', 'admin'), async (drawnFields, role) => {
          await exercise({
            mutation: 'reviewInitiative',
            query,
            role,
            c: buildCase(drawnFields),
            verify: async ({ id, approve, reason }, data) => {
              const status = approve ? 'VERIFIED' : 'REJECTED';
              expect(data).toEqual({ id, status, version: 2 });
              expect((await asAdmin(initiativeQuery, { id })).initiative).toMatchObject({ status, version: 2 });
              expect((await asAdmin(latestChangeQuery, { id })).history.edges).toEqual([{ node: { action: 'reviewInitiative', reason: trimmedOrNull(reason) } }]);
              const seenByThePublic = (await post(url(), 'query ($id: ID!) { initiative(id: $id) { id } }', { id })).json?.data?.initiative;
              expect(seenByThePublic, 'only an approved initiative is public').toEqual(approve ? { id } : null);
            },
          });
        }),
      );
      expectBothOutcomes('reviewInitiative');
    },
    propertyTimeout(),
  );

  // ---------------------------------------------------------------------------------------------------
  // Participations, grants and events

  const participationSelection = `id role since until status actor { id } initiative { id } ${sourceFields}`;
  /** A participation as an admin reads it in its initiative; undefined when no one sees it. */
  async function storedParticipation(initiative: string, id: string) {
    const { participants } = (await asAdmin(`query ($id: ID!) { initiative(id: $id) { participants { ${participationSelection} } } }`, { id: initiative })).initiative;
    return participants.find((p: { id: string }) => p.id === id);
  }
  /** A participation's edits, as the properties draw them: a live one, a removed one, or something that is none. */
  const participationId = idField([
    { ref: new Ref('freshParticipation'), verdict: 'valid', weight: 10 },
    { ref: new Ref('hiddenParticipation'), verdict: 'valid', weight: 2 },
    { ref: new Ref('removedParticipation'), verdict: 'invalid', weight: 2 },
    { ref: new Ref('initiative'), verdict: 'invalid', weight: 1 },
  ]);
  /** Initiatives a grant or an event may be added to: the shared one, which the lead association leads. */
  const sharedInitiativeId = idField([
    { ref: new Ref('initiative'), verdict: 'valid', weight: 12 },
    { ref: new Ref('person'), verdict: 'invalid', weight: 1 },
    { ref: new Ref('lead'), verdict: 'invalid', weight: 1 },
  ]);
  /** A fresh role model, who has no consent, and their participation are none an association may name: NOT_FOUND at the field. */
  const hiddenFromAssociation = (c: Case, path: string, role: RoleName) => {
    if (role === 'lead' && ['ref:freshPerson', 'ref:hiddenParticipation'].includes(c.kinds[path]!)) c.verdicts[path] = 'invalid';
  };
  /** What an association writes of others waits for review; of itself, in an initiative it leads, it is confirmed. */
  const standing = (role: RoleName, actorId: string) => (role !== 'lead' || actorId === leadId ? 'CONFIRMED' : 'CLAIMED');

  it(
    'addParticipation: a participation exactly as sent, confirmed or claimed as the caller may, or names the field and adds nothing',
    async () => {
      const fields: Fields = {
        // The lead association already leads the initiative: as LEAD a second time it is refused. A role
        // model without consent is hidden from an association, which cannot name it.
        actorId: idField([
          { ref: new Ref('participant'), verdict: 'valid', weight: 10 },
          { ref: new Ref('lead'), verdict: 'valid', weight: 3 },
          { ref: new Ref('freshPerson'), verdict: 'valid', weight: 2 },
          { ref: new Ref('initiative'), verdict: 'invalid', weight: 1 },
        ]),
        initiativeId: idField([
          { ref: new Ref('freshInitiative'), verdict: 'valid', weight: 12 },
          { ref: new Ref('person'), verdict: 'invalid', weight: 1 },
        ]),
        role: enumField(PARTICIPATION_ROLES),
        since: partialDateField(),
        until: partialDateField(),
        source: citation,
      };
      const drawnCall = fc
        .tuple(modes(fields), extraField, wholeInput, fc.constantFrom<RoleName>('strategist', 'admin', 'lead'))
        .map(([input, extra, whole, role]) => {
          const c = buildCase({ input: { fields: input, extra, whole } });
          if (c.kinds['input.actorId'] === 'ref:lead' && input.role!.value === 'LEAD' && c.verdicts['input.role'] === 'valid') c.verdicts['input.role'] = 'invalid';
          hiddenFromAssociation(c, 'input.actorId', role);
          markEndBeforeStart(c, 'input.since', 'input.until');
          return { c, role };
        });
      const query = `mutation ($input: AddParticipationInput!) { addParticipation(input: $input) { ${participationSelection} } }`;
      await fc.assert(
        fc.asyncProperty(drawnCall, async ({ c, role }) => {
          await exercise({
            mutation: 'addParticipation',
            query,
            role,
            c,
            verify: async ({ input: sent }, data) => {
              const expected = {
                id: data.id,
                role: sent.role,
                since: sent.since ?? null,
                until: sent.until ?? null,
                status: standing(role, sent.actorId),
                actor: { id: sent.actorId },
                initiative: { id: sent.initiativeId },
                sources: [citedSource(sent.source)],
              };
              expect(data).toEqual(expected);
              expect(await storedParticipation(sent.initiativeId, data.id)).toEqual(expected);
            },
          });
        }),
      );
      expectBothOutcomes('addParticipation');
    },
    propertyTimeout(),
  );

  it(
    'updateParticipation: changes exactly the fields sent, or names the field and changes nothing',
    async () => {
      const fields: Fields = {
        role: enumField(PARTICIPATION_ROLES, { optional: true }),
        since: partialDateField(),
        until: partialDateField(),
        source: citation,
      };
      const drawnCall = fc
        .tuple(
          fc.oneof({ arbitrary: participationId.filter((d) => d.verdict === 'valid'), weight: 4 }, { arbitrary: participationId, weight: 1 }),
          modes(fields),
          extraField,
          wholeInput,
          fc.constantFrom<RoleName>('strategist', 'admin', 'lead'),
        )
        .map(([id, input, extra, whole, role]) => {
          const c = buildCase({ id, input: { fields: input, extra, whole } });
          hiddenFromAssociation(c, 'id', role);
          markEndBeforeStart(c, 'input.since', 'input.until');
          return { c, role };
        });
      const query = `mutation ($id: ID!, $input: UpdateParticipationInput!) { updateParticipation(id: $id, input: $input) { ${participationSelection} } }`;
      await fc.assert(
        fc.asyncProperty(drawnCall, async ({ c, role }) => {
          await exercise({
            mutation: 'updateParticipation',
            query,
            role,
            c,
            before: async ({ id }) => (c.verdicts.id === 'valid' ? storedParticipation(initiativeId, id) : null),
            verify: async ({ id, input: sent }, data, before) => {
              const given = (key: 'role' | 'since' | 'until') => (sent[key] === undefined ? before[key] : sent[key]);
              const expected = {
                ...before,
                role: given('role'),
                since: given('since'),
                until: given('until'),
                // An association's edit of another organisation's part is its claim again.
                status: standing(role, before.actor.id),
                sources: [...before.sources, citedSource(sent.source)],
              };
              expect(data).toEqual(expected);
              expect(await storedParticipation(initiativeId, id)).toEqual(expected);
            },
          });
        }),
      );
      expectBothOutcomes('updateParticipation');
    },
    propertyTimeout(),
  );

  it(
    'removeParticipation: the participation is gone from every read and its history keeps the reason as sent, or names the field',
    async () => {
      const fields: Fields = { id: participationId, reason: textField({ min: 3, max: 1000, controls: 'forbidden' }) };
      const drawnCall = fc.tuple(modes(fields), fc.constantFrom<RoleName>('strategist', 'admin', 'lead')).map(([drawnFields, role]) => {
        const c = buildCase(drawnFields);
        hiddenFromAssociation(c, 'id', role);
        return { c, role };
      });
      await fc.assert(
        fc.asyncProperty(drawnCall, async ({ c, role }) => {
          await exercise({
            mutation: 'removeParticipation',
            query: 'mutation ($id: ID!, $reason: String!) { removeParticipation(id: $id, reason: $reason) }',
            role,
            c,
            verify: async ({ id, reason }, data) => {
              expect(data).toBe(true);
              expect(await storedParticipation(initiativeId, id), 'a removed participation is seen by nobody').toBeUndefined();
              expect((await asAdmin(latestChangeQuery, { id })).history.edges).toEqual([{ node: { action: 'removeParticipation', reason: reason.trim() } }]);
            },
          });
        }),
      );
      expectBothOutcomes('removeParticipation');
    },
    propertyTimeout(),
  );

  it(
    'addGrant: a grant exactly as sent, its currency in capitals, or names the field and adds nothing',
    async () => {
      const amount = fc.oneof(
        { arbitrary: fc.integer({ min: 1, max: 50_000_000 }).map((n) => drawn(n, 'valid', 'amount')), weight: 4 },
        { arbitrary: fc.double({ min: 0.01, max: 1e7, noNaN: true }).map((n) => drawn(n, 'valid', 'fractional-amount')), weight: 2 },
        // Above 0 all of them, but neither a krona nor a budget.
        { arbitrary: fc.constantFrom(Number.MIN_VALUE, 1e-9, 1e300).map((n) => drawn(n, 'either', 'extreme-amount')), weight: 1 },
        { arbitrary: fc.oneof(fc.constantFrom(0, -0.01, -1), fc.integer({ max: -1 }), fc.double({ max: -Number.MIN_VALUE, noNaN: true, noDefaultInfinity: true })).map((n) => drawn(n, 'invalid', 'not-above-zero')), weight: 3 },
        { arbitrary: fc.constantFrom<unknown>('1000', '1 000 kr', true, [100], { belopp: 100 }).map((v) => drawn(v, 'invalid', 'wrong-type')), weight: 1 },
        { arbitrary: fc.constant(drawn(null, 'invalid', 'null')), weight: 1 },
        { arbitrary: fc.constant(drawn(undefined, 'invalid', 'missing')), weight: 1 },
      );
      const currency = fc.oneof(
        { arbitrary: fc.constantFrom('SEK', 'EUR', 'NOK', 'DKK', 'ISK', 'USD', 'GBP').map((code) => drawn(code, 'valid', 'currency')), weight: 6 },
        // The same codes in small letters or padded, and codes ISO 4217 has but not every runtime knows.
        { arbitrary: fc.constantFrom('sek', 'Eur', ' NOK ', 'XXX', 'XAU', 'VED', 'ZWG').map((code) => drawn(code, 'either', 'odd-currency')), weight: 2 },
        { arbitrary: fc.constantFrom('KRONOR', 'KR', 'SE', 'S€K', '€', '$', 'QQQ', '', ' ', ...CYPHER_INJECTIONS.slice(0, 2)).map((code) => drawn(code, 'invalid', 'unknown-currency')), weight: 3 },
        { arbitrary: hugeText(20_000).map((code) => drawn(code, 'invalid', 'huge')), weight: 1 },
        { arbitrary: wrongType, weight: 1 },
        { arbitrary: fc.constant(drawn(null, 'invalid', 'null')), weight: 1 },
        { arbitrary: fc.constant(drawn(undefined, 'invalid', 'missing')), weight: 1 },
      );
      const fields: Fields = {
        initiativeId: sharedInitiativeId,
        // A role model without consent is hidden from an association, which cannot name it.
        funderId: idField([
          { ref: new Ref('parent'), verdict: 'valid' },
          { ref: new Ref('lead'), verdict: 'valid' },
          { ref: new Ref('person'), verdict: 'valid', weight: 2 },
          { ref: new Ref('freshPerson'), verdict: 'valid', weight: 2 },
          { ref: new Ref('initiative'), verdict: 'invalid', weight: 1 },
        ]),
        amount,
        currency,
        programme: textField({ min: 0, max: 200, controls: 'forbidden', nullable: true, optional: true }),
        awarded: partialDateField(),
        source: citation,
      };
      const grantSelection = `id amount currency programme awarded funder { id } initiative { id } ${sourceFields}`;
      const query = `mutation ($input: AddGrantInput!) { addGrant(input: $input) { ${grantSelection} } }`;
      const drawnCall = fc
        .tuple(modes(fields), extraField, wholeInput, fc.constantFrom<RoleName>('strategist', 'admin', 'lead'))
        .map(([input, extra, whole, role]) => {
          const c = buildCase({ input: { fields: input, extra, whole } });
          hiddenFromAssociation(c, 'input.funderId', role);
          return { c, role };
        });
      await fc.assert(
        fc.asyncProperty(drawnCall, async ({ c, role }) => {
          await exercise({
            mutation: 'addGrant',
            query,
            role,
            c,
            verify: async ({ input: sent }, data) => {
              const expected = {
                id: data.id,
                amount: sent.amount,
                currency: sent.currency.trim().toUpperCase(),
                programme: trimmedOrNull(sent.programme),
                awarded: sent.awarded ?? null,
                funder: { id: sent.funderId },
                initiative: { id: sent.initiativeId },
                sources: [citedSource(sent.source)],
              };
              expect(data).toEqual(expected);
              const { grants } = (await asAdmin(`query ($id: ID!) { initiative(id: $id) { grants { ${grantSelection} } } }`, { id: sent.initiativeId })).initiative;
              expect(grants.find((g: { id: string }) => g.id === data.id)).toEqual(expected);
            },
          });
        }),
      );
      expectBothOutcomes('addGrant');
    },
    propertyTimeout(),
  );

  it(
    'addEvent: an event exactly as sent, or names the field and adds nothing',
    async () => {
      const fields: Fields = {
        initiativeId: sharedInitiativeId,
        name: textField({ min: 2, max: 200, controls: 'forbidden' }),
        date: partialDateField(),
        description: textField({ min: 0, max: 4000, controls: 'forbidden', nullable: true, optional: true }),
        municipalities: municipalities({ min: 0, nullable: true }),
        source: citation,
      };
      const eventSelection = `id name date description municipalities { code } ${sourceFields}`;
      const query = `mutation ($input: AddEventInput!) { addEvent(input: $input) { ${eventSelection} } }`;
      await fc.assert(
        fc.asyncProperty(modes(fields), extraField, wholeInput, fc.constantFrom<RoleName>('strategist', 'admin', 'lead'), async (input, extra, whole, role) => {
          await exercise({
            mutation: 'addEvent',
            query,
            role,
            c: buildCase({ input: { fields: input, extra, whole } }),
            verify: async ({ input: sent }, data) => {
              const expected = {
                id: data.id,
                name: sent.name.trim(),
                date: sent.date ?? null,
                description: trimmedOrNull(sent.description),
                municipalities: sortedUnique(listOf(sent.municipalities)),
                sources: [citedSource(sent.source)],
              };
              const codes = (event: { municipalities: { code: string }[] }) => ({ ...event, municipalities: event.municipalities.map((m) => m.code).sort() });
              expect(codes(data)).toEqual(expected);
              const { events } = (await asAdmin(`query ($id: ID!) { initiative(id: $id) { events { ${eventSelection} } } }`, { id: sent.initiativeId })).initiative;
              expect(codes(events.find((e: { id: string }) => e.id === data.id))).toEqual(expected);
            },
          });
        }),
      );
      expectBothOutcomes('addEvent');
    },
    propertyTimeout(),
  );

  // ---------------------------------------------------------------------------------------------------
  // Organisations and people

  it(
    'createOrganization: an organisation exactly as sent, citing its source, or names the field and creates nothing',
    async () => {
      const fields: Fields = {
        kind: fc.oneof(
          { arbitrary: enumField(ORGANIZATION_KINDS), weight: 9 },
          { arbitrary: fc.constantFrom('ROLE_MODEL', 'PERSON').map((kind) => drawn(kind, 'invalid', 'person-kind')), weight: 1 },
        ),
        name: textField({ min: 2, max: 200, controls: 'forbidden' }),
        organizationNumber: optionalField(organizationNumberField()),
        description: textField({ min: 0, max: 4000, controls: 'forbidden', nullable: true, optional: true }),
        themes: themesField({ nullable: false, optional: false }),
        municipalities: municipalities({ optional: false }),
        parent: organizationRefs,
        email: emailField({ nullable: true, optional: true, fresh: false }),
        phone: phoneField(),
        source: citation,
      };
      const query = `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { ${organizationSelection} } }`;
      await fc.assert(
        fc.asyncProperty(modes(fields), extraField, wholeInput, fc.constantFrom<RoleName>('strategist', 'admin', 'lead'), async (input, extra, whole, role) => {
          await exercise({
            mutation: 'createOrganization',
            query,
            role,
            c: buildCase({ input: { fields: input, extra, whole } }),
            resolve: (name, variant) => {
              if (name === 'freshNumber') return numberVariant(validOrganizationNumber(), variant);
              if (name === 'takenNumber') return numberVariant(takenNumber, variant);
              return undefined;
            },
            verify: async ({ input: sent }, data) => {
              removable.push(data.id);
              const expected = {
                id: data.id,
                kind: sent.kind,
                name: sent.name.trim(),
                description: trimmedOrNull(sent.description),
                organizationNumber: sent.organizationNumber == null ? null : dashedNumber(sent.organizationNumber),
                // What an association enters about another organisation waits for review.
                status: role === 'lead' ? 'PENDING' : 'VERIFIED',
                version: 1,
                parent: sent.parent ? { id: sent.parent } : null,
                ...sentLists(sent),
                contact: sentContact(sent),
                sources: [citedSource(sent.source)],
              };
              // The answer shows contact details as the caller may see them: an association sees only its own organisation's.
              await expectReadsBack(organizationQuery, data, expected, { ...expected, contact: role === 'lead' ? null : expected.contact });
            },
          });
        }),
      );
      expectBothOutcomes('createOrganization');
    },
    propertyTimeout(),
  );

  it(
    'createPerson: a person exactly as sent, citing its source, or names the field and creates nothing',
    async () => {
      const fields: Fields = {
        name: textField({ min: 2, max: 200, controls: 'forbidden' }),
        description: textField({ min: 0, max: 4000, controls: 'forbidden', nullable: true, optional: true }),
        title: textField({ min: 0, max: 200, controls: 'forbidden', nullable: true, optional: true }),
        roleModel: optionalField(booleanField()),
        themes: themesField({ nullable: true, optional: true }),
        municipalities: municipalities({ min: 0, nullable: true }),
        affiliation: organizationRefs,
        email: emailField({ nullable: true, optional: true, fresh: false }),
        phone: phoneField(),
        source: citation,
      };
      // A strategist writes a person who acts, or whose organisation acts, in its kommuner; an admin anyone.
      const reachesStrategist = (input: Record<string, Drawn>) =>
        input.affiliation!.value instanceof Ref || (Array.isArray(input.municipalities!.value) && input.municipalities!.value.length > 0);
      const drawnCall = fc
        .tuple(modes(fields), extraField, wholeInput, fc.constantFrom<RoleName>('strategist', 'admin'))
        .map(([input, extra, whole, role]) => ({
          c: buildCase({ input: { fields: input, extra, whole } }),
          role: role === 'strategist' && !reachesStrategist(input) ? ('admin' as const) : role,
        }));
      const query = `mutation ($input: CreatePersonInput!) { createPerson(input: $input) { ${personSelection} } }`;
      await fc.assert(
        fc.asyncProperty(drawnCall, async ({ c, role }) => {
          await exercise({
            mutation: 'createPerson',
            query,
            role,
            c,
            verify: async ({ input: sent }, data) => {
              removable.push(data.id);
              const expected = {
                id: data.id,
                kind: sent.roleModel ? 'ROLE_MODEL' : 'PERSON',
                name: sent.name.trim(),
                description: trimmedOrNull(sent.description),
                title: trimmedOrNull(sent.title),
                version: 1,
                organization: sent.affiliation ? { id: sent.affiliation } : null,
                ...sentLists(sent),
                contact: sentContact(sent),
                sources: [citedSource(sent.source)],
              };
              // The answer shows contact details as the caller may see them: a strategist sees those of a person in its kommuner.
              const seen = role === 'admin' || listOf(sent.municipalities).length > 0;
              await expectReadsBack(personQuery, data, expected, { ...expected, contact: seen ? expected.contact : null });
            },
          });
        }),
      );
      expectBothOutcomes('createPerson');
    },
    propertyTimeout(),
  );

  it(
    'mergeOrganizations: the duplicate moves into the kept one with the reason as sent, or names the field and changes nothing',
    async () => {
      const fields: Fields = {
        keepId: idField([
          { ref: new Ref('kept'), verdict: 'valid', weight: 12 },
          { ref: new Ref('person'), verdict: 'invalid', weight: 1 },
          { ref: new Ref('initiative'), verdict: 'invalid', weight: 1 },
        ]),
        // An organisation cannot be merged into itself.
        mergeId: idField([
          { ref: new Ref('duplicate'), verdict: 'valid', weight: 12 },
          { ref: new Ref('kept'), verdict: 'invalid', weight: 2 },
          { ref: new Ref('person'), verdict: 'invalid', weight: 1 },
        ]),
        reason: textField({ min: 3, max: 1000, controls: 'forbidden' }),
      };
      const query = `mutation ($keepId: ID!, $mergeId: ID!, $reason: String!) { mergeOrganizations(keepId: $keepId, mergeId: $mergeId, reason: $reason) {
        ${organizationSelection} } }`;
      await fc.assert(
        fc.asyncProperty(modes(fields), fc.constantFrom<RoleName>('strategist', 'admin'), async (drawnFields, role) => {
          const c = buildCase(drawnFields);
          await exercise({
            mutation: 'mergeOrganizations',
            query,
            role,
            c,
            before: async ({ mergeId }) => (c.verdicts.mergeId === 'valid' ? (await asAdmin(organizationQuery, { id: mergeId })).actor : null),
            verify: async ({ keepId, mergeId, reason }, data, duplicate) => {
              expect(data.id).toBe(keepId);
              const kept = keyed((await asAdmin(organizationQuery, { id: keepId })).actor);
              expect(keyed(data)).toEqual(kept);
              expect({ themes: kept.themes, municipalities: kept.municipalities, email: kept.contact?.email }).toEqual({
                themes: ['fritid', 'halsa'],
                municipalities: [...WRITE_MUNICIPALITIES],
                email: duplicate.contact.email,
              });
              expect((await asAdmin('query ($id: ID!) { actor(id: $id) { id } }', { id: mergeId })).actor, 'the merged id answers as the kept one').toEqual({ id: keepId });
              const partners = (await asAdmin(initiativeQuery, { id: initiativeId })).initiative.participants.map((p: { actor: { id: string } }) => p.actor.id);
              expect(partners).toContain(keepId);
              expect(partners).not.toContain(mergeId);
              expect((await asAdmin(latestChangeQuery, { id: keepId })).history.edges).toEqual([{ node: { action: 'mergeOrganizations', reason: reason.trim() } }]);
            },
          });
        }),
      );
      expectBothOutcomes('mergeOrganizations');
    },
    propertyTimeout(),
  );

  // ---------------------------------------------------------------------------------------------------
  // Accounts

  it(
    'createAccount: an account that signs in as made, or names the field and makes nothing',
    async () => {
      // Drawn for a role, so that a valid draw has the scope and organisation that role needs; what breaks the rules is marked after.
      const forRole = (role: (typeof ACCOUNT_ROLES)[number]) => {
        const leftOut = fc.constantFrom(drawn(undefined, 'valid', 'missing'), drawn(null, 'valid', 'null'));
        const kommuner = municipalities({ min: 0, nullable: true }).filter((d) => d.kind !== 'too-many-municipalities');
        return modes({
          email: emailField({ nullable: false, optional: false, fresh: true }),
          role: fc.oneof({ arbitrary: fc.constant(drawn(role, 'valid', 'role')), weight: 8 }, { arbitrary: enumField(ACCOUNT_ROLES).filter((d) => d.verdict !== 'valid'), weight: 2 }),
          password: passwordField(),
          municipalities: role === 'STRATEGIST' ? kommuner : fc.oneof({ arbitrary: leftOut, weight: 6 }, { arbitrary: kommuner, weight: 2 }),
          county: role === 'STRATEGIST' ? countyField(COUNTIES) : fc.oneof({ arbitrary: leftOut, weight: 6 }, { arbitrary: countyField(COUNTIES), weight: 2 }),
          organizationId: role === 'ASSOCIATION' ? organizationRefs : fc.oneof({ arbitrary: leftOut, weight: 6 }, { arbitrary: organizationRefs, weight: 2 }),
        });
      };
      const drawnCase = fc
        .tuple(fc.constantFrom(...ACCOUNT_ROLES).chain(forRole), extraField, wholeInput)
        .map(([input, extra, whole]) => {
          const c = buildCase({ input: { fields: input, extra, whole } });
          markAccountRules(c);
          return c;
        });
      const query = `mutation ($input: CreateAccountInput!) { createAccount(input: $input) { id email role passwordChangeRequired organization { id } municipalities { code } } }`;
      await fc.assert(
        fc.asyncProperty(drawnCase, async (c) => {
          await exercise({
            mutation: 'createAccount',
            query,
            role: 'admin',
            c,
            resolve: (name, variant) => {
              if (name === 'freshEmail') return emailVariant(freshEmail(), variant);
              if (name === 'takenEmail') return emailVariant(strategist.email, variant);
              return undefined;
            },
            verify: async ({ input: sent }, data) => {
              madeAccounts.push(data.id);
              const scope = [...listOf(sent.municipalities), ...(sent.county ? countyKommuner[sent.county]! : [])];
              const expected = {
                id: data.id,
                email: sent.email.trim().toLowerCase(),
                role: sent.role,
                passwordChangeRequired: true,
                organization: sent.organizationId ? { id: sent.organizationId } : null,
                municipalities: sortedUnique(scope),
              };
              const codes = (account: { municipalities: { code: string }[] }) => ({ ...account, municipalities: account.municipalities.map((m) => m.code).sort() });
              expect(codes(data)).toEqual(expected);
              const signedIn = await post(url(), loginQuery, { email: sent.email, password: sent.password });
              expect(signedIn.json?.errors, 'the new account signs in with the password it was made with').toBeUndefined();
              expect(codes((signedIn.json!.data as any).login.account)).toEqual(expected);
            },
          });
        }),
      );
      expectBothOutcomes('createAccount');
    },
    propertyTimeout(),
  );

  it(
    'changePassword: the new password signs in and the old one no longer does, or names the argument and changes nothing',
    async () => {
      const current = fc.oneof(
        { arbitrary: fc.constant(drawn(new Ref('currentPassword'), 'valid', 'current-password')), weight: 8 },
        { arbitrary: fc.constantFrom('upper', 'padded', 'truncated').map((v) => drawn(new Ref('currentPassword', v), 'invalid', 'near-password')), weight: 2 },
        { arbitrary: fc.constantFrom('', 'fel-lösenord-2024', ...CYPHER_INJECTIONS.slice(0, 3)).map((p) => drawn(p, 'invalid', 'wrong-password')), weight: 1 },
        { arbitrary: hugeText(20_000).map((p) => drawn(p, 'invalid', 'huge')), weight: 1 },
        { arbitrary: wrongType, weight: 1 },
        { arbitrary: fc.constant(drawn(null, 'invalid', 'null')), weight: 1 },
      );
      const next = fc.oneof(
        { arbitrary: passwordField(), weight: 9 },
        { arbitrary: fc.constant(drawn(new Ref('currentPassword'), 'invalid', 'same-password')), weight: 1 },
      );
      const query = 'mutation ($current: String!, $new: String!) { changePassword(current: $current, new: $new) }';
      await fc.assert(
        fc.asyncProperty(modes({ current, new: next }), fc.constantFrom<RoleName>('researcher', 'lead', 'strategist', 'admin'), async (fields, role) => {
          const account = accounts()[role];
          await exercise({
            mutation: 'changePassword',
            query,
            role,
            c: buildCase(fields),
            resolve: (name, variant) => {
              if (name !== 'currentPassword') return undefined;
              const password = account.password;
              return variant === 'upper' ? password.toUpperCase() : variant === 'padded' ? ` ${password} ` : variant === 'truncated' ? password.slice(0, -1) : password;
            },
            verify: async ({ current: old, new: chosen }, data) => {
              expect(data).toBe(true);
              account.password = chosen;
              const signedIn = await post(url(), loginQuery, { email: account.email, password: chosen });
              expect((signedIn.json?.data as any)?.login?.account, JSON.stringify(signedIn.json?.errors)).toMatchObject({ id: account.id, passwordChangeRequired: false });
              const withOld = await post(url(), loginQuery, { email: account.email, password: old });
              expect(withOld.json?.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
            },
          });
        }),
      );
      expectBothOutcomes('changePassword');
    },
    propertyTimeout(),
  );
});

/**
 * An account's scope and organisation must fit its role: a strategist needs kommuner or a län, and only
 * a strategist has them; an association account needs its organisation, and only it has one. Where the
 * role is valid and a draw breaks this, the field the rule names becomes invalid.
 */
function markAccountRules(c: Case): void {
  const input = c.variables.input as Record<string, unknown> | undefined;
  if (!input || typeof input !== 'object' || Array.isArray(input) || c.verdicts['input.role'] !== 'valid') return;
  const invalidate = (field: string) => {
    c.verdicts[`input.${field}`] = 'invalid';
  };
  const scoped = (Array.isArray(input.municipalities) && input.municipalities.length > 0) || !!input.county;
  if (input.role === 'STRATEGIST' && !scoped) invalidate('municipalities');
  if (input.role !== 'STRATEGIST' && scoped) invalidate(input.county ? 'county' : 'municipalities');
  if (input.role === 'ASSOCIATION' && !input.organizationId) invalidate('organizationId');
  if (input.role !== 'ASSOCIATION' && input.organizationId) invalidate('organizationId');
}
