import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { MultiDirectedGraph } from 'graphology';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeParticipations } from '../../server/repositories/participations.ts';
import { writeSources } from '../../server/repositories/sources.ts';
import { newId } from '../../server/shared/ids.ts';
import { createTestAccount, type TestAccount } from '../helpers/accounts.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createInitiatives, createOrganizations, createPeople, removeNodes, uniqueToken } from '../helpers/fixtures.ts';
import { useTestService } from '../helpers/service.ts';

// Gnesta (0461) is used by no other test file, so an export of it holds this file's network only.
const kommun = '0461';

type Row = Record<string, string>;
// Values stay text: a kommun code such as 0461 is not a number.
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false, parseAttributeValue: false, isArray: (name, _path, _leaf, isAttribute) => !isAttribute && ['node', 'edge', 'data', 'attvalue', 'key'].includes(name) });

// An export is a series of statements; a test reads several, which takes longer than vitest's default on a busy machine.
describe('GET /export', { timeout: 120_000 }, () => {
  const db = useTestDatabase();
  // A page's statement is cut off after NEO4J_QUERY_TIMEOUT_MS; on a machine shared by several Neo4j
  // engines, the default's 10 s cut a kommun's pages short, so these exports get more.
  const { client } = useTestService({ NEO4J_QUERY_TIMEOUT_MS: '60000' });
  const token = uniqueToken('Export');
  const ids: Record<string, string> = {};
  const sources = { org: newId(), initiative: newId(), participation: newId() };
  let researcher: TestAccount;
  let strategist: TestAccount;

  beforeAll(async () => {
    const [verified, pending] = await createOrganizations(db, [
      { name: `${token} förening`, municipalities: [kommun], email: 'forening@example.org', themes: ['andt'] },
      { name: `${token} väntande`, municipalities: [kommun], status: 'PENDING' },
    ]);
    const [person] = await createPeople(db, [
      { name: `${token} Förebild`, roleModel: true, consentGivenBy: 'självt', email: 'forebild@example.org', organization: verified!, municipalities: [kommun] },
    ]);
    const [current, earlier] = await createInitiatives(db, [
      { name: `${token} pågående`, start: '2019', themes: ['andt'], municipalities: [kommun] },
      { name: `${token} tidigare`, start: '2015', end: '2016', themes: ['bostad'], municipalities: [kommun] },
    ]);
    Object.assign(ids, { verified, pending, person, current, earlier });
    await db.write(async (tx) => {
      await writeSources(
        tx,
        [
          { id: sources.org, title: `${token} föreningsregistret`, publisher: 'Gnesta kommun', published: null, url: 'https://example.org/register', document: null },
          { id: sources.initiative, title: `${token} projektplan`, publisher: null, published: null, url: null, document: 'plan.pdf' },
          { id: sources.participation, title: `${token} avtal & <bilaga>`, publisher: null, published: null, url: 'https://example.org/avtal?a=1&b=2', document: null },
        ],
        { author: 'test' },
      );
      await tx.run({
        text: `UNWIND $links AS link MATCH (n {id: link.node}), (s:Source {id: link.source}) CREATE (n)-[:CITES]->(s)`,
        parameters: { links: [{ node: verified, source: sources.org }, { node: person, source: sources.org }, { node: current, source: sources.initiative }, { node: earlier, source: sources.initiative }] },
      });
      const participation = (actor: string, initiative: string, role: 'LEAD' | 'MEMBER' | 'PARTNER') => ({
        id: newId(), actor, initiative, role, since: null, until: null, status: 'CONFIRMED' as const, sources: [sources.participation],
      });
      await writeParticipations(tx, [participation(verified!, current!, 'LEAD'), participation(person!, current!, 'MEMBER'), participation(verified!, earlier!, 'PARTNER')], {
        mode: 'create',
        author: 'test',
      });
    });
    researcher = await createTestAccount(db, 'RESEARCHER');
    strategist = await createTestAccount(db, 'STRATEGIST', { municipalities: [kommun] });
  });
  afterAll(() => removeNodes(db, Object.values(ids)));

  const download = async (query: string, account?: TestAccount) => {
    const response = await fetch(`${client().url}/export?${query}`, { headers: account?.headers ?? {} });
    return { status: response.status, type: response.headers.get('content-type'), disposition: response.headers.get('content-disposition'), text: await response.text() };
  };
  const csv = async (query: string, account?: TestAccount) => {
    const answer = await download(query, account);
    expect(answer.status).toBe(200);
    return parseCsv(answer.text, { columns: true }) as Row[];
  };

  it('writes GraphML that parses, with the public network of the kommun and its sources, and no personal data', async () => {
    const answer = await download(`format=graphml&municipality=${kommun}`);
    expect(answer.status).toBe(200);
    expect(answer.type).toMatch(/^application\/graphml\+xml/);
    expect(answer.disposition).toMatch(/attachment; filename="samverkan-\d{4}-\d{2}-\d{2}\.graphml"/);
    expect(XMLValidator.validate(answer.text)).toBe(true);
    const graph = xml.parse(answer.text).graphml.graph;
    const keyName = new Map<string, string>(xml.parse(answer.text).graphml.key.map((k: Row) => [k.id, k['attr.name']]));
    const nodes = new Map<string, Row>(
      graph.node.map((n: { id: string; data: { key: string; '#text': string }[] }) => [n.id, Object.fromEntries(n.data.map((d) => [keyName.get(d.key), String(d['#text'])]))]),
    );
    expect([...nodes.keys()].sort()).toEqual([ids.verified, ids.current, ids.earlier].sort());
    expect(nodes.get(ids.verified!)).toMatchObject({ type: 'actor', kind: 'ASSOCIATION', name: `${token} förening`, municipalities: kommun, themes: 'andt' });
    expect(JSON.parse(nodes.get(ids.verified!)!.sources!).map((s: Row) => s.title)).toEqual([`${token} föreningsregistret`]);
    expect(JSON.parse(nodes.get(ids.current!)!.sources!).map((s: Row) => s.document)).toEqual(['plan.pdf']);
    const edges = graph.edge.map((e: { source: string; target: string; data: { key: string; '#text': string }[] }) => ({
      source: e.source,
      target: e.target,
      ...Object.fromEntries(e.data.map((d) => [keyName.get(d.key), String(d['#text'])])),
    }));
    expect(edges.map((e: Row) => `${e.source} ${e.target} ${e.role}`).sort()).toEqual([`${ids.verified} ${ids.current} LEAD`, `${ids.verified} ${ids.earlier} PARTNER`].sort());
    // Escaped on the way out, read back whole.
    expect(JSON.parse(edges[0].sources).map((s: Row) => [s.title, s.url])).toEqual([[`${token} avtal & <bilaga>`, 'https://example.org/avtal?a=1&b=2']]);
    expect(answer.text).not.toContain('@example.org');
    expect(answer.text).not.toContain('Förebild');
  });

  it('writes GEXF with people under the pseudonyms the API gives a researcher, and no contact', async () => {
    const answer = await download(`format=gexf&municipality=${kommun}`, researcher);
    expect(answer.status).toBe(200);
    expect(XMLValidator.validate(answer.text)).toBe(true);
    const graph = xml.parse(answer.text).gexf.graph;
    const labels = new Map<string, string>(graph.nodes.node.map((n: Row) => [n.id, n.label]));
    const { actor } = await client().data<{ actor: { name: string } }>(`query { actor(id: "${ids.person}") { name } }`, {}, researcher.headers);
    expect(actor.name).toMatch(/^Person [0-9a-f]{10}$/);
    expect(labels.get(ids.person!)).toBe(actor.name);
    expect(labels.has(ids.pending!)).toBe(false);
    expect(graph.edges.edge).toHaveLength(3);
    expect(answer.text).not.toContain('@example.org');
    expect(answer.text).not.toContain('Förebild');
  });

  it('writes CSV nodes and edges for a strategist of the kommun, with what the API shows them', async () => {
    const nodes = await csv(`format=nodes.csv&municipality=${kommun}`, strategist);
    const byId = new Map(nodes.map((row) => [row.id, row]));
    expect(byId.get(ids.pending!)).toMatchObject({ status: 'PENDING' });
    expect(byId.get(ids.verified!)).toMatchObject({ email: 'forening@example.org' });
    expect(byId.get(ids.person!)).toMatchObject({ name: `${token} Förebild`, kind: 'ROLE_MODEL', email: 'forebild@example.org' });
    expect(byId.get(ids.earlier!)).toMatchObject({ type: 'initiative', kind: 'PROJECT', start: '2015', end: '2016', email: '' });
    const edges = await csv(`format=edges.csv&municipality=${kommun}`, strategist);
    expect(edges).toHaveLength(3);
    for (const edge of edges) expect(JSON.parse(edge.sources!)[0].id).toBe(sources.participation);
  });

  it('exports the network as of a day, and narrows by theme and kind', async () => {
    const pairs = (rows: Row[]) => rows.map((row) => `${row.source} ${row.target}`).sort();
    expect(pairs(await csv(`format=edges.csv&municipality=${kommun}&asOf=2016-06-01`, strategist))).toEqual([`${ids.verified} ${ids.earlier}`]);
    expect(pairs(await csv(`format=edges.csv&municipality=${kommun}&asOf=2020-01-01`, strategist))).toEqual([`${ids.verified} ${ids.current}`, `${ids.person} ${ids.current}`].sort());
    const asOf = await csv(`format=nodes.csv&municipality=${kommun}&asOf=2016-06-01`, strategist);
    expect(asOf.map((row) => row.id).sort()).toEqual([ids.verified, ids.earlier].sort());
    const themed = await csv(`format=nodes.csv&municipality=${kommun}&theme=bostad`, strategist);
    expect(themed.map((row) => row.id).sort()).toEqual([ids.verified, ids.earlier].sort());
    const kinds = await csv(`format=nodes.csv&municipality=${kommun}&kind=ROLE_MODEL,PROJECT`, strategist);
    expect(kinds.map((row) => row.id).sort()).toEqual([ids.person, ids.current, ids.earlier].sort());
  });

  it('writes Popolo JSON: persons, organisations with initiatives among them, and memberships, each with sources', async () => {
    const answer = await download(`format=popolo.json&municipality=${kommun}`, researcher);
    expect(answer.status).toBe(200);
    const popolo = JSON.parse(answer.text);
    const { actor } = await client().data<{ actor: { name: string } }>(`query { actor(id: "${ids.person}") { name } }`, {}, researcher.headers);
    expect(popolo.persons).toEqual([expect.objectContaining({ id: ids.person, name: actor.name, contact_details: [] })]);
    expect(popolo.persons[0].sources[0].url).toBe('https://example.org/register');
    const organizations = new Map(popolo.organizations.map((o: { id: string }) => [o.id, o]));
    expect(organizations.get(ids.verified)).toMatchObject({ classification: 'ASSOCIATION', contact_details: [] });
    expect(organizations.get(ids.earlier)).toMatchObject({ classification: 'initiative', founding_date: '2015', dissolution_date: '2016' });
    expect(popolo.memberships).toHaveLength(3);
    const personal = popolo.memberships.find((m: { person_id?: string }) => m.person_id === ids.person);
    expect(personal).toMatchObject({ organization_id: ids.current, role: 'MEMBER' });
    const organisational = popolo.memberships.filter((m: { member?: { id: string } }) => m.member?.id === ids.verified);
    expect(organisational).toHaveLength(2);
    for (const membership of popolo.memberships) expect(membership.sources[0].note).toBe(`${token} avtal & <bilaga>`);
    expect(answer.text).not.toContain('@example.org');
  });

  it('writes graphology JSON that graph.import() takes, with the nodes and links of the other formats for every viewer', async () => {
    const viewers = { anonymous: undefined, researcher, strategist };
    for (const [viewer, account] of Object.entries(viewers)) {
      const answer = await download(`format=graphology.json&municipality=${kommun}`, account);
      expect(answer.status, viewer).toBe(200);
      expect(answer.type).toMatch(/^application\/json/);
      expect(answer.disposition).toMatch(/filename="samverkan-\d{4}-\d{2}-\d{2}\.graphology\.json"/);
      const graph = new MultiDirectedGraph();
      graph.import(JSON.parse(answer.text));
      // The same nodes, with the same type, kind and name (a researcher's pseudonyms included), as nodes.csv.
      const nodes = await csv(`format=nodes.csv&municipality=${kommun}`, account);
      expect(graph.mapNodes((key, a) => [key, a.type, a.kind, a.name].join(' ')).sort(), viewer).toEqual(nodes.map((n) => [n.id, n.type, n.kind, n.name].join(' ')).sort());
      // The same participations, from actor to initiative, as edges.csv.
      const edges = await csv(`format=edges.csv&municipality=${kommun}`, account);
      expect(graph.mapEdges((key, a, source, target) => [key, source, target, a.role].join(' ')).sort(), viewer).toEqual(
        edges.map((e) => [e.id, e.source, e.target, e.role].join(' ')).sort(),
      );
      expect(answer.text).not.toContain('@example.org');
    }
    // What each viewer may see differs, and the format follows it: the pending association for the strategist only, the person not for the public.
    const keys = async (account?: TestAccount) => new Set(MultiDirectedGraph.from(JSON.parse((await download(`format=graphology.json&municipality=${kommun}`, account)).text)).nodes());
    expect((await keys()).has(ids.person!)).toBe(false);
    expect((await keys(researcher)).has(ids.person!)).toBe(true);
    expect((await keys(researcher)).has(ids.pending!)).toBe(false);
    expect((await keys(strategist)).has(ids.pending!)).toBe(true);
  });

  it('gives an initiative its partOf in graphology JSON, one node or link a line', async () => {
    // Katrineholm (0483) is used by no other test file: a part of Gnesta's current initiative, there.
    const [part] = await createInitiatives(db, [{ name: `${token} delprojekt`, start: '2020', municipalities: ['0483'], partOf: ids.current }]);
    try {
      const answer = await download('format=graphology.json&municipality=0483');
      const graph = MultiDirectedGraph.from(JSON.parse(answer.text));
      expect(graph.getNodeAttributes(part!)).toEqual({ type: 'initiative', kind: 'PROJECT', name: `${token} delprojekt`, partOf: ids.current });
      // A reader that takes the file as it comes parses each line that opens with a key on its own.
      const lines = answer.text.split('\n').filter((line) => line.startsWith('{"key"'));
      expect(lines.map((line) => JSON.parse(line.replace(/,$/, '')).key)).toEqual([part]);
      const whole = (await download(`format=graphology.json&municipality=${kommun}`, strategist)).text;
      const items = whole.split('\n').filter((line) => line.startsWith('{"key"')).map((line) => JSON.parse(line.replace(/,$/, '')));
      expect(items.filter((item) => !('source' in item)).map((item) => item.key).sort()).toEqual(MultiDirectedGraph.from(JSON.parse(whole)).nodes().sort());
      expect(items.filter((item) => 'source' in item)).toHaveLength(3);
    } finally {
      await removeNodes(db, [part!]);
    }
  });

  describe('from a kommun or a län', () => {
    // Vingåker (0428) and Trosa (0488) are in Södermanland (04), as Gnesta is; Älvdalen (2039) and Mönsterås (0882) are not. No other file uses them.
    const place = { kommun: '0428', neighbour: '0488', elsewhere: '2039', claimant: '0882', county: '04' };
    const near: Record<string, string> = {};
    beforeAll(async () => {
      const [local, neighbour, outsider, claimant, faraway] = await createOrganizations(db, [
        { name: `${token} Vingåker`, municipalities: [place.kommun] },
        { name: `${token} Trosa`, municipalities: [place.neighbour] },
        { name: `${token} Älvdalen`, municipalities: [place.elsewhere] },
        { name: `${token} Mönsterås`, municipalities: [place.claimant] },
        { name: `${token} långt bort`, municipalities: [place.elsewhere] },
      ]);
      const [project] = await createInitiatives(db, [{ name: `${token} Vingåkersprojektet`, start: '2019', municipalities: [place.kommun] }]);
      Object.assign(near, { local, neighbour, outsider, claimant, faraway, project });
      await db.write(async (tx) => {
        const participation = (actor: string, status: 'CONFIRMED' | 'CLAIMED', since: string | null) => ({
          id: newId(), actor, initiative: project!, role: 'PARTNER' as const, since, until: null, status, sources: [sources.participation],
        });
        await writeParticipations(tx, [participation(local!, 'CONFIRMED', null), participation(outsider!, 'CONFIRMED', '2021'), participation(claimant!, 'CLAIMED', null)], {
          mode: 'create',
          author: 'test',
        });
      });
    });
    afterAll(() => removeNodes(db, Object.values(near)));

    const nodeIds = async (query: string) => (await csv(`format=nodes.csv&${query}`)).map((row) => row.id).sort();

    it('holds the kommun\'s actors, and those of elsewhere that take part in its initiatives in public', async () => {
      const kommun = [near.local, near.outsider, near.project].sort();
      expect(await nodeIds(`municipality=${place.kommun}`)).toEqual(kommun);
      // The same with the län besides, which is then tested rather than walked in from.
      expect(await nodeIds(`municipality=${place.kommun}&county=${place.county}`)).toEqual(kommun);
      const edges = await csv(`format=edges.csv&municipality=${place.kommun}`);
      expect(edges.map((row) => row.source).sort()).toEqual([near.local, near.outsider].sort());
      // On a day before the outsider joined, it is not in the kommun's network.
      expect(await nodeIds(`municipality=${place.kommun}&asOf=2020-06-01`)).toEqual([near.local, near.project].sort());
    });

    it('holds a län\'s kommuner, and nothing of another län that does not work in it', async () => {
      const county = await nodeIds(`county=${place.county}`);
      expect(county).toEqual(expect.arrayContaining([near.local, near.neighbour, near.outsider, near.project, ids.verified, ids.current]));
      expect(county).not.toContain(near.faraway);
      expect(county).not.toContain(near.claimant);
    });
  });

  it('refuses a bad parameter naming it, and a bad token', async () => {
    for (const [query, field] of [
      ['format=xlsx', 'format'],
      [`format=gexf&municipality=9999`, 'municipality[0]'],
      ['format=gexf&kind=CLUB', 'kind[0]'],
      ['format=gexf&asOf=2020', 'asOf'],
    ] as const) {
      const answer = await download(query);
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.text).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const response = await fetch(`${client().url}/export?format=gexf`, { headers: { authorization: 'Bearer not-a-token' } });
    expect(response.status).toBe(401);
  });
});
