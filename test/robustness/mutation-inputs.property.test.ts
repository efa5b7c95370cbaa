import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAccount, type TestAccount } from '../helpers/accounts.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createInitiatives, createOrganizations, createParticipations, createPeople, removeNodes, uniqueToken } from '../helpers/fixtures.ts';
import { validOrganizationNumber } from '../helpers/organization-numbers.ts';
import { useTestService } from '../helpers/service.ts';
import {
  booleanField,
  buildCase,
  CYPHER_INJECTIONS,
  dateTimeField,
  drawn,
  emailField,
  emailVariant,
  enumField,
  extraField,
  hugeText,
  idField,
  markEndBeforeStart,
  municipalitiesField,
  municipalityField,
  numberVariant,
  organizationNumberField,
  OWN_MUNICIPALITIES,
  PARTICIPATION_ROLES,
  partialDateField,
  passwordField,
  phoneField,
  preview,
  Ref,
  sourceField,
  textField,
  themesField,
  verbatimText,
  wholeInput,
  wrongType,
  type Case,
} from './arbitraries.ts';
import { dashedNumber, exerciser, fixtures, modes, post, propertyTimeout, reader, RUNS, sameInstant, scopeOf, snapshot, sortedUnique, type Answer } from './harness.ts';

/**
 * Every mutation, fed valid and invalid arguments (wrong types, huge strings, control characters,
 * Unicode, Cypher and HTML injections, impossible dates, malformed and unknown ids) by a role that may
 * call it. Each answer must be below HTTP 500 and either data or client errors that name the field; an
 * error must leave this file's data exactly as it was; what succeeds must read back as sent.
 *
 * The data lives in Storuman (2421) and Sorsele (2422), which no other test file uses.
 */

const organizationQuery = `query ($id: ID!) { actor(id: $id) { ... on Organization {
  name description status organizationNumber themes { key } municipalities { code } contact { email phone }
  registrationReview { approved reason } } } }`;
const consentsQuery = `query ($id: ID!) { actor(id: $id) { id ... on Person { consents { id purpose givenBy givenAt withdrawnAt } } } }`;
const participantsQuery = `query ($id: ID!) { initiative(id: $id) { participants { role since until status actor { id } } } }`;

describe('every mutation answers data or a clear error, and an error changes nothing', () => {
  const db = useTestDatabase();
  const { service } = useTestService();
  const url = () => service().url;
  const token = uniqueToken('Robust');
  const removable: string[] = [];

  let admin: TestAccount;
  let strategist: TestAccount;
  let association: TestAccount;
  let leadAccount: TestAccount;
  let targetId: string;
  let leadId: string;
  let sentinelId: string;
  let reviewedId: string;
  let initiativeId: string;
  let otherInitiativeId: string;
  let personId: string;
  let erasedId: string;
  let targetNumber: string;

  let counter = 0;
  const freshNumber = validOrganizationNumber;
  const freshEmail = () => `${token.toLowerCase()}.${++counter}@example.org`;

  const asAdmin = reader(url, () => admin.headers);

  async function freshPerson(): Promise<string> {
    const n = ++counter;
    const [id] = await createPeople(db, [
      { name: `${token} Förebild #${n}#`, roleModel: true, email: `${token.toLowerCase()}.p${n}@example.org`, municipalities: ['2422'] },
    ]);
    removable.push(id!);
    return id!;
  }
  async function freshPendingOrganization(): Promise<string> {
    const [id] = await createOrganizations(db, [{ name: `${token} Väntande ${++counter}`, status: 'PENDING', municipalities: ['2422'] }]);
    removable.push(id!);
    return id!;
  }
  async function freshInitiative(): Promise<string> {
    const [id] = await createInitiatives(db, [{ name: `${token} Initiativ ${++counter}`, municipalities: ['2422'] }]);
    removable.push(id!);
    return id!;
  }
  async function freshClaimant(): Promise<string> {
    const [id] = await createOrganizations(db, [{ name: `${token} Anspråk ${++counter}`, municipalities: ['2422'] }]);
    removable.push(id!);
    await createParticipations(db, [{ actor: id!, initiative: initiativeId, role: 'PARTNER', status: 'CLAIMED' }]);
    return id!;
  }

  beforeAll(async () => {
    admin = await createTestAccount(db, 'ADMIN');
    strategist = await createTestAccount(db, 'STRATEGIST', { municipalities: [...OWN_MUNICIPALITIES] });
    [targetId, leadId, sentinelId, reviewedId] = (await createOrganizations(db, [
      { name: `${token} Målföreningen`, municipalities: ['2422'], themes: ['fritid'], description: 'Start.', email: 'mal@example.org', phone: '0952-100 00' },
      { name: `${token} Sorsele kommun`, kind: 'MUNICIPAL_UNIT', municipalities: ['2422'] },
      { name: `${token} Vittnet`, municipalities: ['2421'], description: CYPHER_INJECTIONS[0]! },
      { name: `${token} Redan granskad`, municipalities: ['2422'], status: 'VERIFIED' },
    ])) as [string, string, string, string];
    removable.push(targetId, leadId, sentinelId, reviewedId);
    targetNumber = freshNumber();
    await db.write((tx) => tx.run({ text: 'MATCH (o:Organization {id: $id}) SET o.organizationNumber = $number', parameters: { id: targetId, number: targetNumber } }));
    association = await createTestAccount(db, 'ASSOCIATION', { organizationId: targetId });
    leadAccount = await createTestAccount(db, 'ASSOCIATION', { organizationId: leadId });
    [initiativeId, otherInitiativeId] = (await createInitiatives(db, [
      { name: `${token} Fjällprojektet`, municipalities: ['2422'], start: '2024' },
      { name: `${token} Älvprojektet`, municipalities: ['2422'] },
    ])) as [string, string];
    removable.push(initiativeId, otherInitiativeId);
    await createParticipations(db, [
      { actor: leadId, initiative: initiativeId, role: 'LEAD' },
      { actor: leadId, initiative: otherInitiativeId, role: 'LEAD' },
    ]);
    personId = await freshPerson();
    erasedId = await freshPerson();
    const erased = await post(url(), 'mutation ($id: ID!) { erasePerson(id: $id) }', { id: erasedId }, admin.headers);
    expect(erased.json?.data?.erasePerson).toBe(true);
  });

  afterAll(async () => {
    console.log(summary());
    await db.write((tx) =>
      tx.run({
        text: `MATCH (n) WHERE (n:Actor OR n:Initiative) AND n.id IN $ids
               OPTIONAL MATCH (n)-[:GAVE]->(c:Consent)
               OPTIONAL MATCH (a:Account)-[:REPRESENTS]->(n)
               DETACH DELETE c, a`,
        parameters: { ids: removable },
      }),
    );
    await removeNodes(db, removable);
    const accountIds = [admin, strategist, association, leadAccount].filter(Boolean).map((a) => a.id);
    await db.write((tx) => tx.run({ text: 'MATCH (a:Account) WHERE a.id IN $ids DETACH DELETE a', parameters: { ids: accountIds } }));
  });

  const baseScope = () => ({
    municipalities: OWN_MUNICIPALITIES,
    ids: [targetId, leadId, sentinelId, reviewedId, initiativeId, otherInitiativeId, personId, erasedId, admin.id, strategist.id, association.id, leadAccount.id],
    emails: [admin.email, strategist.email, association.email, leadAccount.email],
    numbers: [targetNumber],
  });

  const roles = () => ({ admin: admin.headers, strategist: strategist.headers, association: association.headers, lead: leadAccount.headers, anonymous: {} });
  type RoleName = keyof ReturnType<typeof roles>;

  /** The shared fixtures by name, and the ones made fresh for one call. */
  const resolveCommon = fixtures({
    target: () => targetId,
    lead: () => leadId,
    reviewed: () => reviewedId,
    initiative: () => initiativeId,
    otherInitiative: () => otherInitiativeId,
    person: () => personId,
    erased: () => erasedId,
    pending: freshPendingOrganization,
    freshInitiative,
    freshPerson,
    openClaimant: freshClaimant,
  });

  const { exercise, expectBothOutcomes, summary } = exerciser({ db, url, roles, baseScope, resolveCommon });

  // ---------------------------------------------------------------------------------------------------

  it(
    'login: the right credentials sign in; anything else is UNAUTHENTICATED or names the variable',
    async () => {
      const email = fc.oneof(
        { arbitrary: fc.constantFrom('plain', 'upper', 'padded').map((v) => drawn(new Ref('loginEmail', v), 'valid', 'account-email')), weight: 6 },
        {
          arbitrary: fc
            .constantFrom('ingen@example.org', '', "admin@example.org' OR 1=1 //", '<script>@example.org', '$email', 'a\u0000@example.org', ...CYPHER_INJECTIONS.slice(0, 3))
            .map((e) => drawn(e, 'invalid', 'unknown-email')),
          weight: 3,
        },
        { arbitrary: hugeText(30_000).map((e) => drawn(e, 'invalid', 'huge')), weight: 1 },
        { arbitrary: wrongType, weight: 1 },
        { arbitrary: fc.constant(drawn(null, 'invalid', 'null')), weight: 1 },
      );
      const password = fc.oneof(
        { arbitrary: fc.constant(drawn(new Ref('loginPassword'), 'valid', 'right-password')), weight: 6 },
        { arbitrary: fc.constantFrom('upper', 'padded', 'truncated').map((v) => drawn(new Ref('loginPassword', v), 'invalid', 'near-password')), weight: 2 },
        { arbitrary: fc.constantFrom(...CYPHER_INJECTIONS.slice(0, 5), "' OR '1'='1", '\u0000', '😀'.repeat(20)).map((p) => drawn(p, 'invalid', 'hostile-password')), weight: 2 },
        { arbitrary: hugeText(30_000).map((p) => drawn(p, 'invalid', 'huge')), weight: 1 },
        { arbitrary: wrongType, weight: 1 },
        { arbitrary: fc.constant(drawn(null, 'invalid', 'null')), weight: 1 },
      );
      const query = 'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token account { id email role } } }';
      await fc.assert(
        fc.asyncProperty(modes({ email, password }), async (fields) => {
          await exercise({
            mutation: 'login',
            query,
            role: 'anonymous',
            c: buildCase(fields),
            fieldless: ['UNAUTHENTICATED'],
            resolve: (name, variant) => {
              const value = name === 'loginEmail' ? strategist.email : name === 'loginPassword' ? strategist.password : undefined;
              if (value === undefined) return undefined;
              return variant === 'upper' ? value.toUpperCase() : variant === 'padded' ? ` ${value} ` : variant === 'truncated' ? value.slice(0, -1) : value;
            },
            verify: async (_variables, data) => {
              expect(data.token).toEqual(expect.any(String));
              expect(data.account).toEqual({ id: strategist.id, email: strategist.email, role: 'STRATEGIST' });
            },
          });
        }),
      );
      expectBothOutcomes('login');
    },
    propertyTimeout(),
  );

  it(
    'registerAssociation: stores exactly what was sent, or names the field and creates nothing',
    async () => {
      const fields = {
        name: textField({ min: 2, max: 200, controls: 'forbidden' }),
        organizationNumber: organizationNumberField(),
        municipality: municipalityField(),
        themes: themesField({ nullable: false, optional: false }),
        description: textField({ min: 0, max: 4000, controls: 'forbidden', nullable: true, optional: true }),
        email: emailField({ nullable: false, optional: false, fresh: true }),
        password: passwordField(),
        phone: phoneField(),
      };
      const query = `mutation ($input: RegisterAssociationInput!) { registerAssociation(input: $input) {
        id name description status organizationNumber municipalities { code } themes { key } } }`;
      await fc.assert(
        fc.asyncProperty(modes(fields), extraField, wholeInput, fc.constantFrom<RoleName>('anonymous', 'anonymous', 'admin'), async (input, extra, whole, role) => {
          await exercise({
            mutation: 'registerAssociation',
            query,
            role,
            c: buildCase({ input: { fields: input, extra, whole } }),
            resolve: (name, variant) => {
              if (name === 'freshNumber' || name === 'takenNumber') return numberVariant(name === 'freshNumber' ? freshNumber() : targetNumber, variant);
              if (name === 'freshEmail' || name === 'takenEmail') return emailVariant(name === 'freshEmail' ? freshEmail() : strategist.email, variant);
              return undefined;
            },
            verify: async ({ input: sent }, data) => {
              removable.push(data.id);
              const themes = sortedUnique(typeof sent.themes === 'string' ? [sent.themes] : sent.themes);
              const expected = {
                name: sent.name.trim(),
                description: sent.description == null ? null : sent.description.trim(),
                status: 'PENDING',
                organizationNumber: dashedNumber(sent.organizationNumber),
              };
              expect(data).toMatchObject(expected);
              const stored = (await asAdmin(organizationQuery, { id: data.id })).actor;
              expect(stored).toMatchObject({ ...expected, municipalities: [{ code: sent.municipality }], registrationReview: null });
              expect(stored.themes.map((t: { key: string }) => t.key).sort()).toEqual(themes);
              expect(stored.contact).toEqual({ email: sent.email.trim().toLowerCase(), phone: sent.phone == null ? null : sent.phone.trim() });
            },
          });
        }),
      );
      expectBothOutcomes('registerAssociation');
    },
    propertyTimeout(),
  );

  it(
    'reviewRegistration: records the decision and the reason as sent, or names the field',
    async () => {
      const fields = {
        id: idField([
          { ref: new Ref('pending'), verdict: 'valid', weight: 10 },
          { ref: new Ref('reviewed'), verdict: 'invalid', weight: 2 },
          { ref: new Ref('person'), verdict: 'invalid', weight: 1 },
          { ref: new Ref('initiative'), verdict: 'invalid', weight: 1 },
        ]),
        approve: booleanField(),
        reason: textField({ min: 0, max: 1000, controls: 'forbidden', nullable: true, optional: true }),
      };
      const query = `mutation ($id: ID!, $approve: Boolean!, $reason: String) { reviewRegistration(id: $id, approve: $approve, reason: $reason) {
        id status registrationReview { approved reason } } }`;
      await fc.assert(
        fc.asyncProperty(modes(fields), fc.constantFrom<RoleName>('strategist', 'admin'), async (drawnFields, role) => {
          await exercise({
            mutation: 'reviewRegistration',
            query,
            role,
            c: buildCase(drawnFields),
            verify: async ({ id, approve, reason }, data) => {
              const review = { approved: approve, reason: reason == null ? null : reason.trim() };
              expect(data).toMatchObject({ id, status: approve ? 'VERIFIED' : 'REJECTED', registrationReview: review });
              expect((await asAdmin(organizationQuery, { id })).actor).toMatchObject({ status: approve ? 'VERIFIED' : 'REJECTED', registrationReview: review });
            },
          });
        }),
      );
      expectBothOutcomes('reviewRegistration');
    },
    propertyTimeout(),
  );

  it(
    'updateOrganization: changes exactly the fields sent, or names the field and changes nothing',
    async () => {
      const fields = {
        name: textField({ min: 2, max: 200, controls: 'forbidden', optional: true }),
        description: textField({ min: 0, max: 4000, controls: 'forbidden', nullable: true, optional: true }),
        themes: themesField({ nullable: false, optional: true }),
        municipalities: municipalitiesField(),
        email: emailField({ nullable: true, optional: true, fresh: false }),
        phone: phoneField(),
      };
      const id = idField([
        { ref: new Ref('target'), verdict: 'valid', weight: 12 },
        { ref: new Ref('person'), verdict: 'invalid', weight: 1 },
        { ref: new Ref('initiative'), verdict: 'invalid', weight: 1 },
      ]);
      const query = `mutation ($id: ID!, $input: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $input) {
        id name description themes { key } municipalities { code } } }`;
      const arbitrary = fc.oneof(
        { arbitrary: fc.tuple(id.filter((d) => d.verdict === 'valid'), modes(fields)), weight: 4 },
        { arbitrary: fc.tuple(id, modes(fields)), weight: 1 },
      );
      // The association edits its own profile and may leave the source out (it then cites itself); others may not.
      const roleAndSource = fc
        .constantFrom<RoleName>('association', 'strategist', 'admin')
        .chain((role) => fc.tuple(fc.constant(role), sourceField(role === 'association' ? 'valid' : 'invalid')));
      await fc.assert(
        fc.asyncProperty(arbitrary, extraField, wholeInput, roleAndSource, async ([idDrawn, input], extra, whole, [role, source]) => {
          await exercise({
            mutation: 'updateOrganization',
            query,
            role,
            c: buildCase({ id: idDrawn, input: { fields: { ...input, source }, extra, whole } }),
            before: async ({ id: target }) => (target === targetId ? (await asAdmin(organizationQuery, { id: targetId })).actor : null),
            verify: async ({ input: sent }, data, before) => {
              const keys = (list: { key?: string; code?: string }[]) => list.map((x) => x.key ?? x.code).sort();
              const expected = {
                name: sent.name === undefined ? before.name : sent.name.trim(),
                description: sent.description === undefined ? before.description : sent.description === null ? null : sent.description.trim(),
                themes: sent.themes === undefined ? keys(before.themes) : sortedUnique(typeof sent.themes === 'string' ? [sent.themes] : sent.themes),
                municipalities: sent.municipalities === undefined ? keys(before.municipalities) : sortedUnique(sent.municipalities),
                contact: {
                  email: sent.email === undefined ? (before.contact?.email ?? null) : sent.email === null ? null : sent.email.trim(),
                  phone: sent.phone === undefined ? (before.contact?.phone ?? null) : sent.phone === null ? null : sent.phone.trim(),
                },
              };
              expect({ name: data.name, description: data.description, themes: keys(data.themes), municipalities: keys(data.municipalities) }).toEqual({
                name: expected.name,
                description: expected.description,
                themes: expected.themes,
                municipalities: expected.municipalities,
              });
              // Contact is null when there is neither e-mail nor phone.
              const contact = (c: { email: string | null; phone: string | null } | null) => c ?? { email: null, phone: null };
              const stored = (await asAdmin(organizationQuery, { id: targetId })).actor;
              expect({ ...stored, themes: keys(stored.themes), municipalities: keys(stored.municipalities), contact: contact(stored.contact) }).toEqual({
                ...before,
                ...expected,
              });
            },
          });
        }),
      );
      expectBothOutcomes('updateOrganization');
    },
    propertyTimeout(),
  );

  /** A claim's arguments; until before since is refused on `until`, a claim made twice on `role`. */
  const claimCase = fc
    .tuple(
      modes({
        initiativeId: idField([
          { ref: new Ref('freshInitiative'), verdict: 'valid', weight: 10 },
          { ref: new Ref('claimedInitiative'), verdict: 'invalid', weight: 2 },
        ]),
        role: enumField(PARTICIPATION_ROLES),
        since: partialDateField(),
        until: partialDateField(),
      }),
      extraField,
      wholeInput,
    )
    .map(([input, extra, whole]) => {
      const c = buildCase({ input: { fields: input, extra, whole } });
      if (c.kinds['input.initiativeId'] === 'ref:claimedInitiative' && c.verdicts['input.role'] === 'valid') c.verdicts['input.role'] = 'either';
      markEndBeforeStart(c, 'input.since', 'input.until');
      return c;
    });

  const claimQuery = `mutation ($input: ClaimParticipationInput!) { claimParticipation(input: $input) {
    role status since until actor { id } initiative { id } } }`;
  const resolveClaimed = (c: Case) => async (name: string) => {
    if (name !== 'claimedInitiative') return undefined;
    const id = await freshInitiative();
    const role = (c.variables.input as { role?: unknown } | undefined)?.role;
    await createParticipations(db, [{ actor: targetId, initiative: id, role: typeof role === 'string' && PARTICIPATION_ROLES.includes(role as never) ? role : 'PARTNER', status: 'CLAIMED' }]);
    return id;
  };

  it(
    'claimParticipation by its association: a CLAIMED participation with the dates as sent, or names the field',
    async () => {
      await fc.assert(
        fc.asyncProperty(claimCase, async (c) => {
          await exercise({
            mutation: 'claimParticipation',
            query: claimQuery,
            role: 'association',
            c,
            resolve: resolveClaimed(c),
            verify: async ({ input: sent }, data) => {
              const expected = { role: sent.role, status: 'CLAIMED', since: sent.since ?? null, until: sent.until ?? null };
              expect(data).toEqual({ ...expected, actor: { id: targetId }, initiative: { id: sent.initiativeId } });
              const stored = (await asAdmin(participantsQuery, { id: sent.initiativeId })).initiative.participants;
              expect(stored.filter((p: { actor: { id: string } }) => p.actor.id === targetId)).toEqual([{ ...expected, actor: { id: targetId } }]);
            },
          });
        }),
      );
      expectBothOutcomes('claimParticipation');
    },
    propertyTimeout(),
  );

  it(
    'claimParticipation by an admin, who has no organisation to claim for: a clear error, never a 500',
    async () => {
      await fc.assert(
        fc.asyncProperty(claimCase, async (c) => {
          const outcome = await exercise({ mutation: 'claimParticipation', query: claimQuery, role: 'admin', c, resolve: resolveClaimed(c), oracle: false });
          expect(outcome, 'an admin has no organisation whose participation could be claimed').toBe('error');
        }),
        { numRuns: Math.min(RUNS, 10) },
      );
    },
    propertyTimeout(10),
  );

  it(
    'reviewParticipation: confirms or rejects the open claim, or names the field',
    async () => {
      const drawnCase = fc
        .tuple(
          modes({
            actorId: idField([
              { ref: new Ref('openClaimant'), verdict: 'valid', weight: 10 },
              { ref: new Ref('lead'), verdict: 'invalid', weight: 1 },
              { ref: new Ref('target'), verdict: 'invalid', weight: 1 },
            ]),
            initiativeId: idField([
              { ref: new Ref('initiative'), verdict: 'valid', weight: 10 },
              { ref: new Ref('otherInitiative'), verdict: 'invalid', weight: 2 },
            ]),
            confirm: booleanField(),
          }),
          fc.constantFrom<RoleName>('strategist', 'admin', 'lead'),
        )
        .map(([fields, role]) => {
          const c = buildCase(fields);
          // A claim on one initiative is no claim on the other: NOT_FOUND may then name either id.
          if (c.kinds.initiativeId === 'ref:otherInitiative' && c.verdicts.actorId === 'valid') c.verdicts.actorId = 'either';
          return { c, role };
        });
      const query = `mutation ($actorId: ID!, $initiativeId: ID!, $confirm: Boolean!) {
        reviewParticipation(actorId: $actorId, initiativeId: $initiativeId, confirm: $confirm) { role status actor { id } initiative { id } } }`;
      await fc.assert(
        fc.asyncProperty(drawnCase, async ({ c, role }) => {
          await exercise({
            mutation: 'reviewParticipation',
            query,
            role,
            c,
            verify: async ({ actorId, initiativeId: initiative, confirm }, data) => {
              const status = confirm ? 'CONFIRMED' : 'REJECTED';
              expect(data).toEqual({ role: 'PARTNER', status, actor: { id: actorId }, initiative: { id: initiative } });
              const stored = (await asAdmin(participantsQuery, { id: initiative })).initiative.participants;
              expect(stored.filter((p: { actor: { id: string } }) => p.actor.id === actorId)).toEqual([
                { role: 'PARTNER', status, since: null, until: null, actor: { id: actorId } },
              ]);
            },
          });
        }),
      );
      expectBothOutcomes('reviewParticipation');
    },
    propertyTimeout(),
  );

  it(
    'erasePerson: the person is gone and an erasure recorded, or the field is named and nothing is touched',
    async () => {
      const id = idField([
        { ref: new Ref('freshPerson'), verdict: 'valid', weight: 12 },
        { ref: new Ref('erased'), verdict: 'invalid', weight: 2 },
        { ref: new Ref('target'), verdict: 'invalid', weight: 1 },
        { ref: new Ref('initiative'), verdict: 'invalid', weight: 1 },
      ]);
      await fc.assert(
        fc.asyncProperty(modes({ id }), async (fields) => {
          await exercise({
            mutation: 'erasePerson',
            query: 'mutation ($id: ID!) { erasePerson(id: $id) }',
            role: 'admin',
            c: buildCase(fields),
            verify: async ({ id: erased }, data) => {
              expect(data).toBe(true);
              expect((await asAdmin('query ($id: ID!) { actor(id: $id) { id } }', { id: erased })).actor).toBeNull();
              const left = await db.read(async (tx) =>
                (
                  await tx.run({
                    text: `RETURN COUNT { (p:Person {id: $id}) } AS people, COUNT { (e:Erasure {personId: $id}) } AS erasures,
                                  COUNT { (a:AuditEntry {action: 'erasePerson'}) WHERE $id IN a.targetIds } AS audits`,
                    parameters: { id: erased },
                  })
                ).records[0]!.toObject(),
              );
              expect(left).toEqual({ people: 0, erasures: 1, audits: 1 });
            },
          });
        }),
      );
      expectBothOutcomes('erasePerson');
    },
    propertyTimeout(),
  );

  const personRefs = idField([
    { ref: new Ref('person'), verdict: 'valid', weight: 12 },
    { ref: new Ref('erased'), verdict: 'invalid', weight: 1 },
    { ref: new Ref('target'), verdict: 'invalid', weight: 1 },
    { ref: new Ref('initiative'), verdict: 'invalid', weight: 1 },
  ]);

  it(
    'recordConsent: one new consent with purpose, giver and time as sent, or names the field',
    async () => {
      const fields = {
        purpose: textField({ min: 3, max: 500, controls: 'free' }),
        givenBy: textField({ min: 2, max: 200, controls: 'free' }),
        givenAt: dateTimeField(),
      };
      const arbitrary = fc.oneof(
        { arbitrary: fc.tuple(personRefs.filter((d) => d.verdict === 'valid'), modes(fields)), weight: 4 },
        { arbitrary: fc.tuple(personRefs, modes(fields)), weight: 1 },
      );
      const query = `mutation ($personId: ID!, $input: ConsentInput!) { recordConsent(personId: $personId, input: $input) {
        id ... on Person { consents { id purpose givenBy givenAt withdrawnAt } } } }`;
      await fc.assert(
        fc.asyncProperty(arbitrary, extraField, wholeInput, fc.constantFrom<RoleName>('strategist', 'admin'), async ([person, input], extra, whole, role) => {
          await exercise({
            mutation: 'recordConsent',
            query,
            role,
            c: buildCase({ personId: person, input: { fields: input, extra, whole } }),
            before: async ({ personId: id }) => (id === personId ? (await asAdmin(consentsQuery, { id })).actor.consents : []),
            verify: async ({ personId: id, input: sent }, data, before: { id: string }[]) => {
              const stored = (await asAdmin(consentsQuery, { id })).actor.consents as { id: string; purpose: string; givenBy: string; givenAt: string; withdrawnAt: null }[];
              const added = stored.filter((c) => !before.some((b) => b.id === c.id));
              expect(added).toHaveLength(1);
              expect(data.consents).toContainEqual(added[0]);
              expect({ purpose: added[0]!.purpose, givenBy: added[0]!.givenBy, withdrawnAt: added[0]!.withdrawnAt }).toEqual({
                purpose: sent.purpose.trim(),
                givenBy: sent.givenBy.trim(),
                withdrawnAt: null,
              });
              if (typeof sent.givenAt === 'string') {
                expect(sameInstant(added[0]!.givenAt, sent.givenAt), `givenAt ${added[0]!.givenAt} is the instant ${sent.givenAt}`).toBe(true);
              } else {
                expect(Math.abs(Date.parse(added[0]!.givenAt) - Date.now())).toBeLessThan(5 * 60_000);
              }
            },
          });
        }),
      );
      expectBothOutcomes('recordConsent');
    },
    propertyTimeout(),
  );

  it(
    'withdrawConsent: every consent withdrawn and the role model hidden, or names the field',
    async () => {
      await fc.assert(
        fc.asyncProperty(modes({ personId: personRefs }), fc.constantFrom<RoleName>('strategist', 'admin'), async (fields, role) => {
          await exercise({
            mutation: 'withdrawConsent',
            query: 'mutation ($personId: ID!) { withdrawConsent(personId: $personId) { id ... on Person { consents { withdrawnAt } } } }',
            role,
            c: buildCase(fields),
            verify: async ({ personId: id }, data) => {
              expect(data.id).toBe(id);
              const stored = (await asAdmin(consentsQuery, { id })).actor.consents as { withdrawnAt: string | null }[];
              expect(stored.filter((c) => c.withdrawnAt === null)).toEqual([]);
              expect((await post(url(), 'query ($id: ID!) { actor(id: $id) { id } }', { id })).json?.data?.actor).toBeNull();
            },
          });
        }),
      );
      expectBothOutcomes('withdrawConsent');
    },
    propertyTimeout(),
  );

  // ---------------------------------------------------------------------------------------------------

  it(
    'injection, HTML and Unicode text is stored and returned verbatim, and runs nothing',
    async () => {
      const sentinel = await snapshot(db, { municipalities: [], ids: [sentinelId], emails: [], numbers: [] });
      const update = fc
        .record({ name: verbatimText(2, 200), description: verbatimText(1, 4000) })
        .map((input) => ({ kind: 'updateOrganization' as const, input }));
      const register = fc
        .record({ name: verbatimText(2, 200), description: verbatimText(1, 4000) })
        .map((input) => ({ kind: 'registerAssociation' as const, input }));
      const consent = fc.record({ purpose: verbatimText(3, 500), givenBy: verbatimText(2, 200) }).map((input) => ({ kind: 'recordConsent' as const, input }));
      await fc.assert(
        fc.asyncProperty(fc.oneof(update, register, consent), async (drawnCall) => {
          if (drawnCall.kind === 'updateOrganization') {
            const answer = await post(
              url(),
              'mutation ($id: ID!, $input: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $input) { name description } }',
              { id: targetId, input: drawnCall.input },
              association.headers,
            );
            expect(answer.json?.data?.updateOrganization, JSON.stringify(answer.json?.errors)).toEqual(drawnCall.input);
            const stored = (await asAdmin(organizationQuery, { id: targetId })).actor;
            expect({ name: stored.name, description: stored.description }).toEqual(drawnCall.input);
          } else if (drawnCall.kind === 'registerAssociation') {
            const input = {
              ...drawnCall.input,
              organizationNumber: freshNumber(),
              municipality: '2421',
              themes: ['fritid'],
              email: freshEmail(),
              password: 'Fjäll-och-älv-2024',
            };
            const answer = await post(url(), 'mutation ($input: RegisterAssociationInput!) { registerAssociation(input: $input) { id name description } }', { input });
            const data = answer.json?.data?.registerAssociation as { id: string; name: string; description: string } | undefined;
            expect(data, JSON.stringify(answer.json?.errors)).toMatchObject(drawnCall.input);
            removable.push(data!.id);
            const stored = (await asAdmin(organizationQuery, { id: data!.id })).actor;
            expect({ name: stored.name, description: stored.description }).toEqual(drawnCall.input);
          } else {
            const answer = await post(
              url(),
              'mutation ($id: ID!, $input: ConsentInput!) { recordConsent(personId: $id, input: $input) { id } }',
              { id: personId, input: drawnCall.input },
              strategist.headers,
            );
            expect(answer.json?.data?.recordConsent, JSON.stringify(answer.json?.errors)).toEqual({ id: personId });
            const stored = (await asAdmin(consentsQuery, { id: personId })).actor.consents as { purpose: string; givenBy: string }[];
            expect(stored.map((c) => ({ purpose: c.purpose, givenBy: c.givenBy }))).toContainEqual(drawnCall.input);
          }
          expect(await snapshot(db, { municipalities: [], ids: [sentinelId], emails: [], numbers: [] }), 'an untouched organisation stays as it was').toEqual(sentinel);
        }),
      );
    },
    propertyTimeout(),
  );

  // ---------------------------------------------------------------------------------------------------
  // Huge fields: 100 kB to 600 kB of text in one field, far beyond every field's own limit.

  const hugeBody = fc.record({
    text: hugeText(600_000, 102_400),
    call: fc.constantFrom(
      { mutation: 'registerAssociation', field: 'input.name', role: 'anonymous' as RoleName },
      { mutation: 'updateOrganization', field: 'input.description', role: 'association' as RoleName },
      { mutation: 'recordConsent', field: 'input.purpose', role: 'strategist' as RoleName },
      { mutation: 'login', field: 'password', role: 'anonymous' as RoleName },
      { mutation: 'erasePerson', field: 'id', role: 'admin' as RoleName },
    ),
  }).map((body) => ({ ...body, [fc.toStringMethod]: () => `${body.call.mutation}(${body.call.field} = ${preview(body.text)})` }));
  async function sendHuge({ text, call }: { text: string; call: { mutation: string; field: string; role: RoleName } }): Promise<{ answer: Answer; before: string[]; after: string[] }> {
    const requests: Record<string, [string, Record<string, unknown>]> = {
      registerAssociation: [
        'mutation ($input: RegisterAssociationInput!) { registerAssociation(input: $input) { id } }',
        { input: { name: text, organizationNumber: freshNumber(), municipality: '2421', themes: [], email: freshEmail(), password: 'Fjäll-och-älv-2024' } },
      ],
      updateOrganization: ['mutation ($id: ID!, $input: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $input) { id } }', { id: targetId, input: { description: text } }],
      recordConsent: ['mutation ($id: ID!, $input: ConsentInput!) { recordConsent(personId: $id, input: $input) { id } }', { id: personId, input: { purpose: text, givenBy: 'Sig själv' } }],
      login: ['mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token } }', { email: strategist.email, password: text }],
      erasePerson: ['mutation ($id: ID!) { erasePerson(id: $id) }', { id: text }],
    };
    const [query, variables] = requests[call.mutation]!;
    const scope = { ...scopeOf(baseScope(), variables), since: new Date(Date.now() - 2_000).toISOString() };
    const before = await snapshot(db, scope);
    const answer = await post(url(), query, variables, roles()[call.role]);
    return { answer, before, after: await snapshot(db, scope) };
  }

  it(
    'a huge field is refused below 500 and changes nothing',
    async () => {
      await fc.assert(
        fc.asyncProperty(hugeBody, async (drawnBody) => {
          const { answer, before, after } = await sendHuge(drawnBody);
          expect(answer.status, `${drawnBody.call.mutation} with ${drawnBody.text.length} characters in ${drawnBody.call.field}`).toBeLessThan(500);
          expect(answer.json?.errors?.length ?? 0).toBeGreaterThan(0);
          expect(after).toEqual(before);
        }),
        { numRuns: Math.min(RUNS, 5) },
      );
    },
    propertyTimeout(5),
  );

  it(
    'a huge field gets a clear GraphQL error that names the field',
    async () => {
      await fc.assert(
        fc.asyncProperty(hugeBody, async (drawnBody) => {
          const { answer } = await sendHuge(drawnBody);
          const context = `${drawnBody.call.mutation} with ${drawnBody.text.length} characters in ${drawnBody.call.field} → HTTP ${answer.status} ${answer.contentType}: ${answer.text.slice(0, 120)}`;
          expect(answer.json?.errors?.length ?? 0, `a JSON GraphQL error: ${context}`).toBeGreaterThan(0);
          const error = answer.json!.errors![0]!;
          expect(error.extensions?.field ?? error.message, `names ${drawnBody.call.field}: ${context}`).toContain(drawnBody.call.field);
        }),
        { numRuns: Math.min(RUNS, 5) },
      );
    },
    propertyTimeout(5),
  );
});
