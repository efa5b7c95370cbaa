import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAccount, type TestAccount } from '../helpers/accounts.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createOrganizations, removeNodes, uniqueToken } from '../helpers/fixtures.ts';
import { useTestService } from '../helpers/service.ts';
import { validOrganizationNumber } from '../helpers/organization-numbers.ts';

// Övertorneå (2518) is this file's kommun.
const KOMMUN = '2518';

const createOrganization = `mutation ($input: CreateOrganizationInput!) {
  createOrganization(input: $input) { id status version kind parent { id } sources { title url } } }`;
const updateOrganization = `mutation ($id: ID!, $input: UpdateOrganizationInput!, $expectedVersion: Int) {
  updateOrganization(id: $id, input: $input, expectedVersion: $expectedVersion) { id version name description sources { title publisher published } } }`;
const history = `query ($id: ID!) { history(id: $id) { edges { node { action targetId byRole byOrganization { id }
  fields { field before after } source { title } } } } }`;
const source = { title: 'Föreningsregistret', publisher: 'Övertorneå kommun' };

describe('organisations written through the API, and the history of every change', () => {
  const db = useTestDatabase();
  const { client } = useTestService();
  const token = uniqueToken('Overtornea');
  const ids: string[] = [];
  let strategist: TestAccount;
  let association: TestAccount;
  let associationId: string;
  let kommunId: string;

  beforeAll(async () => {
    [associationId, kommunId] = (await createOrganizations(db, [
      { name: `${token} Idrottsföreningen`, municipalities: [KOMMUN], email: 'kansli@example.org' },
      { name: `${token} kommun`, kind: 'MUNICIPAL_UNIT', municipalities: [KOMMUN] },
    ])) as [string, string];
    ids.push(associationId, kommunId);
    strategist = await createTestAccount(db, 'STRATEGIST', { municipalities: [KOMMUN] });
    association = await createTestAccount(db, 'ASSOCIATION', { organizationId: associationId });
  });
  afterAll(() => removeNodes(db, ids));

  it('lets a strategist enter a unit of its kommun, VERIFIED at once and citing its source', async () => {
    const input = { kind: 'MUNICIPAL_UNIT', name: `${token} Fritidsgården`, themes: ['fritid'], municipalities: [KOMMUN], parent: kommunId, source };
    const unit = (await client().data(createOrganization, { input }, strategist.headers)).createOrganization;
    ids.push(unit.id);
    expect(unit).toMatchObject({ status: 'VERIFIED', version: 1, kind: 'MUNICIPAL_UNIT', parent: { id: kommunId }, sources: [{ title: source.title, url: null }] });
  });

  it('keeps an organisation an association enters PENDING and in the strategist’s review queue, and refuses a taken organisationsnummer', async () => {
    const organizationNumber = validOrganizationNumber();
    const input = { kind: 'BUSINESS', name: `${token} Bageriet`, organizationNumber, themes: [], municipalities: [KOMMUN], source };
    const entered = (await client().data(createOrganization, { input }, association.headers)).createOrganization;
    ids.push(entered.id);
    expect(entered.status).toBe('PENDING');
    const queue = (await client().data(`{ reviewQueue { __typename ... on Organization { id } } }`, {}, strategist.headers)).reviewQueue;
    expect(queue).toContainEqual({ __typename: 'Organization', id: entered.id });
    const again = await client().graphql(createOrganization, { input: { ...input, name: `${token} Bageriet AB` } }, strategist.headers);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.organizationNumber' });
  });

  it('cites the organisation itself, dated, when it edits its own profile without a source; anyone else must give one', async () => {
    const edited = (await client().data(updateOrganization, { id: associationId, input: { description: 'Skidor och skridsko för alla.' } }, association.headers))
      .updateOrganization;
    expect(edited.version).toBe(2);
    expect(edited.sources).toContainEqual({ title: `${token} Idrottsföreningen: egen uppgift`, publisher: `${token} Idrottsföreningen`, published: new Date().toISOString().slice(0, 10) });
    const unsourced = await client().graphql(updateOrganization, { id: associationId, input: { description: 'Annat' } }, strategist.headers);
    expect(unsourced.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.source' });
  });

  it('refuses a stale expectedVersion, and of two concurrent edits at the same version exactly one lands', async () => {
    const { updateOrganization: current } = await client().data(updateOrganization, { id: associationId, input: { name: `${token} Idrottsföreningen`, source } }, strategist.headers);
    const attempts = await Promise.all(
      ['Vinter', 'Sommar'].map((season) =>
        client().graphql(updateOrganization, { id: associationId, input: { description: season, source }, expectedVersion: current.version }, strategist.headers),
      ),
    );
    const codes = attempts.map((attempt) => attempt.errors?.[0]?.extensions?.code ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
    const winner = attempts.find((attempt) => !attempt.errors)!.data!.updateOrganization;
    expect(winner.version).toBe(current.version + 1);
  });

  it('keeps each change with who made it (role and organisation), the values before and after, and the source, newest first', async () => {
    const { updateOrganization: before } = await client().data(`query ($id: ID!) { updateOrganization: actor(id: $id) { ... on Organization { version description } } }`, { id: associationId });
    await client().data(updateOrganization, { id: associationId, input: { description: 'Längdskidor.', themes: ['fritid', 'halsa'], source }, expectedVersion: before.version }, strategist.headers);
    const edges = (await client().data(history, { id: associationId }, strategist.headers)).history.edges;
    const newest = edges[0].node;
    expect(newest).toMatchObject({ action: 'updateOrganization', targetId: associationId, byRole: 'STRATEGIST', byOrganization: null, source: { title: source.title } });
    expect(newest.fields).toEqual([
      { field: 'description', before: JSON.stringify(before.description), after: JSON.stringify('Längdskidor.') },
      { field: 'themes', before: '[]', after: JSON.stringify(['fritid', 'halsa']) },
    ]);
    const ownEdit = edges.find((edge: { node: { byRole: string } }) => edge.node.byRole === 'ASSOCIATION').node;
    expect(ownEdit.byOrganization).toEqual({ id: associationId });
  });

  it('shows personal fields of a change only to those who may see the organisation’s contact data', async () => {
    await client().data(updateOrganization, { id: associationId, input: { email: 'ordforande@example.org' } }, association.headers);
    const emailChange = async (headers: Record<string, string>) =>
      (await client().data(history, { id: associationId }, headers)).history.edges
        .flatMap((edge: { node: { fields: { field: string }[] } }) => edge.node.fields)
        .find((field: { field: string }) => field.field === 'email');
    expect(await emailChange(strategist.headers)).toEqual({ field: 'email', before: JSON.stringify('kansli@example.org'), after: JSON.stringify('ordforande@example.org') });
    expect(await emailChange({})).toEqual({ field: 'email', before: null, after: null });
    const researcher = await createTestAccount(db, 'RESEARCHER');
    expect(await emailChange(researcher.headers)).toEqual({ field: 'email', before: null, after: null });
  });

  it('follows every visible change in order in the feed, with cursors that continue where a page ended', async () => {
    const since = new Date(Date.now() - 60_000).toISOString();
    const feed = `query ($since: DateTime, $after: String) { changes(since: $since, first: 3, after: $after) {
      edges { cursor node { id targetId } } pageInfo { hasNextPage endCursor } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 50; page++) {
      const { changes }: { changes: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } = await client().data(
        feed,
        { since, after },
        strategist.headers,
      );
      seen.push(...changes.edges.map((edge) => edge.node.id));
      if (!changes.pageInfo.hasNextPage) break;
      after = changes.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    const ours = await db.query<{ id: string }>({
      text: 'MATCH (c:Change) WHERE c.targetId = $id AND c.at >= datetime($since) RETURN c.id AS id ORDER BY c.revision, c.ordinal',
      parameters: { id: associationId, since },
    });
    const expected = ours.records.map((record) => record.get('id'));
    expect(seen.filter((id) => expected.includes(id))).toEqual(expected);
  });
});
