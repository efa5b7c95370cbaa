import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxLikelyDuplicates } from '../../server/import/resolve.ts';
import { createTestAccount, type TestAccount } from '../helpers/accounts.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { uniqueToken } from '../helpers/fixtures.ts';
import { validOrganizationNumber } from '../helpers/organization-numbers.ts';
import { maxImportRows } from '../../server/import/plan.ts';
import { useTestService } from '../helpers/service.ts';
import { csv, postImport } from './import-client.ts';

// Vimmerby (0884) is this file's kommun; Borgholm (0885) lies outside the strategist's.
const KOMMUN = '0884';
const OUTSIDE = '0885';
const header = ['name', 'organizationNumber', 'kind', 'municipality', 'themes', 'email', 'phone', 'anteckning'];

const createOrganization = `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`;
const history = `query ($id: ID!) { history(id: $id) { edges { node { action targetKind byRole fields { field after } source { title publisher document } } } } }`;
const actor = `query ($id: ID!) { actor(id: $id) { ... on Organization { name status themes { key } municipalities { code } } } }`;
const initiative = `query ($id: ID!) { initiative(id: $id) { name kind start end municipalities { code } participants { role status actor { id } sources { title } } } }`;

describe('importing a file of organisations and initiatives', () => {
  const db = useTestDatabase();
  const { client, service } = useTestService();
  const token = uniqueToken('Vimmerby');
  let strategist: TestAccount;
  let admin: TestAccount;
  let existingId: string;
  const existingNumber = validOrganizationNumber();
  const url = () => service().url;

  /** The organisations of this file's kommuner whose names hold the token: what an import wrote, or did not. */
  const countWritten = async () =>
    (
      await db.query<{ count: number }>({
        text: `MATCH (n)-[:IN_MUNICIPALITY]->(m:Municipality) WHERE m.code IN $codes AND (n:Actor OR n:Initiative) AND n.name CONTAINS $token RETURN count(DISTINCT n) AS count`,
        parameters: { codes: [KOMMUN, OUTSIDE], token },
      })
    ).records[0]!.get('count');

  beforeAll(async () => {
    strategist = await createTestAccount(db, 'STRATEGIST', { municipalities: [KOMMUN] });
    admin = await createTestAccount(db, 'ADMIN');
    const input = { kind: 'ASSOCIATION', name: `${token} Ridklubb`, organizationNumber: existingNumber, themes: [], municipalities: [KOMMUN], source: { title: 'Föreningsregistret', publisher: 'Vimmerby kommun' } };
    existingId = (await client().data(createOrganization, { input }, strategist.headers)).createOrganization.id;
  });
  afterAll(() =>
    db.write((tx) =>
      tx.run({
        text: `MATCH (n)-[:IN_MUNICIPALITY]->(m:Municipality) WHERE m.code IN $codes AND (n:Actor OR n:Initiative) AND n.name CONTAINS $token DETACH DELETE n`,
        parameters: { codes: [KOMMUN, OUTSIDE], token },
      }),
    ),
  );

  const organizations = (suffix: string) =>
    csv([
      header,
      [`${token} Schackklubb ${suffix}`, validOrganizationNumber(), 'association', KOMMUN, 'motesplatser;integration', 'schack@example.org', '0492-123 45', 'ringa'],
      [`${token} Ridklubb (registrerad)`, existingNumber, 'ASSOCIATION', KOMMUN, '', '', '', ''],
      [`${token} Ridklubben ${suffix}`, '', 'ASSOCIATION', KOMMUN, 'trygghet', '', '', ''],
    ]);

  it('shows in a dry run what each row would do, what matches, and the columns it ignores, writing nothing', async () => {
    const before = await countWritten();
    const { status, body } = await postImport(url(), { body: organizations('A'), type: 'csv', name: 'foreningar.csv' }, { dryRun: true, headers: strategist.headers });
    expect(status).toBe(200);
    expect(body.dryRun).toBe(true);
    expect(body.summary).toEqual({ rows: 3, rowsWithErrors: 0, organizationsCreated: 2, organizationsMatched: 1, initiativesCreated: 0, participationsCreated: 0 });
    expect(body.ignoredColumns).toEqual([{ sheet: 'csv', column: 'anteckning' }]);
    expect(body.rows.map((row) => [row.row, row.organization?.action, row.organization?.id])).toEqual([
      [2, 'create', null],
      [3, 'match', existingId],
      [4, 'create', null],
    ]);
    expect(body.rows[2]!.organization!.likelyDuplicates).toContainEqual({ id: existingId, row: null, name: `${token} Ridklubb` });
    expect(await countWritten()).toBe(before);
  });

  it('imports the file as one change set whose every change cites the file and who supplied it', async () => {
    const { status, body } = await postImport(url(), { body: organizations('B'), type: 'csv', name: 'foreningar-b.csv' }, { dryRun: false, headers: strategist.headers });
    expect(status).toBe(201);
    expect(body.summary).toMatchObject({ organizationsCreated: 2, organizationsMatched: 1, rowsWithErrors: 0 });
    const createdId = body.rows[0]!.organization!.id!;
    expect(createdId).toEqual(expect.any(String));
    const created = (await client().data(actor, { id: createdId }, strategist.headers)).actor;
    expect(created).toMatchObject({ name: `${token} Schackklubb B`, status: 'VERIFIED', municipalities: [{ code: KOMMUN }] });
    expect(created.themes.map((theme: { key: string }) => theme.key).sort()).toEqual(['integration', 'motesplatser']);
    const changes = (await client().data(history, { id: createdId }, strategist.headers)).history.edges.map((edge: { node: unknown }) => edge.node);
    expect(changes).toEqual([
      expect.objectContaining({
        action: 'import',
        targetKind: 'Organization',
        byRole: 'STRATEGIST',
        source: { title: 'foreningar-b.csv', publisher: 'Vimmerby kommun, kultur och fritid', document: 'foreningar-b.csv' },
      }),
    ]);
    expect(changes[0].fields).toContainEqual({ field: 'name', after: JSON.stringify(`${token} Schackklubb B`) });
    // The matched row is left as it was.
    expect((await client().data(history, { id: existingId }, strategist.headers)).history.edges.map((edge: any) => edge.node.action)).toEqual(['createOrganization']);
  });

  it('names the column of each bad value, and an import of a file with a bad row writes nothing', async () => {
    const file = csv([
      header.slice(0, 7),
      [`${token} Fotbollsförening`, '', 'ASSOCIATION', KOMMUN, '', '', ''],
      [`${token} Bad`, '802000-1235', 'KLUBB', '9999', 'okänt-tema', 'inte-en-adress', ''],
    ]);
    const dryRun = await postImport(url(), { body: file, type: 'csv', name: 'fel.csv' }, { dryRun: true, headers: strategist.headers });
    expect(dryRun.status).toBe(200);
    expect(dryRun.body.summary.rowsWithErrors).toBe(1);
    expect(dryRun.body.rows[0]!.errors).toEqual([]);
    expect(dryRun.body.rows[1]!.errors.map((error) => error.column).sort()).toEqual(['email', 'kind', 'municipality', 'organizationNumber', 'themes']);

    const before = await countWritten();
    const sourcesBefore = (await db.query({ text: `MATCH (s:Source {title: 'fel.csv'}) RETURN count(s) AS count` })).records[0]!.get('count');
    const imported = await postImport(url(), { body: file, type: 'csv', name: 'fel.csv' }, { dryRun: false, headers: strategist.headers });
    expect(imported.status).toBe(400);
    expect(imported.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });
    expect(imported.body.rows[1]!.errors.map((error) => error.column)).toContain('organizationNumber');
    expect(await countWritten()).toBe(before);
    expect((await db.query({ text: `MATCH (s:Source {title: 'fel.csv'}) RETURN count(s) AS count` })).records[0]!.get('count')).toBe(sourcesBefore);
  });

  it('lists the new rows of the file whose names are alike by the likely-duplicate rule, in a shared kommun, a few at most', async () => {
    const sections = Array.from({ length: maxLikelyDuplicates + 3 }, (_, n) => [`${token} Sektion ${n + 1}`, '', 'ASSOCIATION', KOMMUN]);
    const file = csv([
      header.slice(0, 4),
      [`${token} Scoutkår`, '', 'ASSOCIATION', KOMMUN],
      [`${token} Pensionärsföreningen Sydost`, '', 'ASSOCIATION', KOMMUN],
      [`Föreningen ${token} Scoutkåren`, '', 'ASSOCIATION', KOMMUN],
      ...sections,
    ]);
    const { status, body } = await postImport(url(), { body: file, type: 'csv', name: 'lika.csv' }, { dryRun: true, headers: strategist.headers });
    expect(status).toBe(200);
    const duplicatesOf = (index: number) => body.rows[index]!.organization!.likelyDuplicates;
    // Not the same name, but the same once the words that only say "association" are set aside and a letter or two forgiven.
    expect(duplicatesOf(2)).toEqual([{ id: null, row: 2, name: `${token} Scoutkår` }]);
    expect(duplicatesOf(1)).toEqual([]);
    // Every numbered section is alike the ones before it; a row lists no more than the most a reviewer is shown.
    expect(duplicatesOf(4).map((duplicate) => duplicate.row)).toEqual([5]);
    expect(duplicatesOf(3 + sections.length - 1)).toHaveLength(maxLikelyDuplicates);
  });

  it('refuses an organisationsnummer given twice in one file, naming the column and the first row', async () => {
    const number = validOrganizationNumber();
    const file = csv([header.slice(0, 4), [`${token} Ett`, number, 'BUSINESS', KOMMUN], [`${token} Två`, number, 'BUSINESS', KOMMUN]]);
    const { body } = await postImport(url(), { body: file, type: 'csv', name: 'dubbel.csv' }, { dryRun: true, headers: strategist.headers });
    expect(body.rows[1]!.errors).toEqual([{ column: 'organizationNumber', message: 'appears already in row 2' }]);
  });

  it('refuses a strategist rows outside its kommuner: marked in the dry run, FORBIDDEN on import, nothing written', async () => {
    const file = csv([header.slice(0, 4), [`${token} Hemma`, '', 'ASSOCIATION', KOMMUN], [`${token} Borta`, '', 'ASSOCIATION', OUTSIDE]]);
    const dryRun = await postImport(url(), { body: file, type: 'csv', name: 'borgholm.csv' }, { dryRun: true, headers: strategist.headers });
    expect(dryRun.body.rows[0]!.errors).toEqual([]);
    expect(dryRun.body.rows[1]!.errors).toEqual([{ column: 'municipality', message: 'is outside the kommuner you may write in' }]);
    const before = await countWritten();
    const imported = await postImport(url(), { body: file, type: 'csv', name: 'borgholm.csv' }, { dryRun: false, headers: strategist.headers });
    expect(imported.status).toBe(403);
    expect(imported.body.errors![0]!.extensions.code).toBe('FORBIDDEN');
    expect(await countWritten()).toBe(before);
  });

  it('answers 401 without a token and 403 to a researcher, before reading the file', async () => {
    const file = csv([header.slice(0, 4), [`${token} Någon`, '', 'ASSOCIATION', KOMMUN]]);
    expect((await postImport(url(), { body: file, type: 'csv', name: 'x.csv' }, { dryRun: true, headers: {} })).status).toBe(401);
    const researcher = await createTestAccount(db, 'RESEARCHER');
    expect((await postImport(url(), { body: file, type: 'csv', name: 'x.csv' }, { dryRun: true, headers: researcher.headers })).status).toBe(403);
  });

  it('reads a semicolon-separated CSV as a Swedish spreadsheet program writes it', async () => {
    const file = `name;kind;municipality;themes\n${token} Semikolon;ASSOCIATION;${KOMMUN};"trygghet;integration"\n`;
    const { status, body } = await postImport(url(), { body: file, type: 'csv', name: 'semikolon.csv' }, { dryRun: true, headers: strategist.headers });
    expect(status).toBe(200);
    expect(body.rows[0]).toMatchObject({ errors: [], organization: { action: 'create', name: `${token} Semikolon` } });
  });

  it('imports an XLSX workbook of organisations and of initiatives with their participants', async () => {
    const number = validOrganizationNumber();
    const workbook = new ExcelJS.Workbook();
    const orgs = workbook.addWorksheet('Organisationer');
    orgs.addRows([
      ['name', 'organizationNumber', 'kind', 'municipality', 'themes'],
      [`${token} Ungdomens hus`, number, 'MUNICIPAL_UNIT', 884, 'motesplatser'],
    ]);
    const initiatives = workbook.addWorksheet('Initiativ');
    initiatives.addRows([
      ['initiative', 'kind', 'themes', 'municipality', 'start', 'end', 'participant', 'role'],
      [`${token} Sommarlov`, 'PROJECT', 'motesplatser', KOMMUN, new Date(Date.UTC(2025, 5, 1)), '2025-08', number, 'LEAD'],
      [`${token} Sommarlov`, '', '', '', '', '', `${token} Ridklubb`, 'PARTNER'],
      [`${token} Sommarlov`, 'NETWORK', '', '', '', '', 'Ingen sådan förening', 'PARTNER'],
    ]);
    const bad = new Uint8Array(await workbook.xlsx.writeBuffer());
    const dryRun = await postImport(url(), { body: bad, type: 'xlsx', name: 'sommarlov.xlsx' }, { dryRun: true, headers: strategist.headers });
    expect(dryRun.status).toBe(200);
    expect(dryRun.body.rows.map((row) => [row.sheet, row.row, row.errors.map((error) => error.column)])).toEqual([
      ['Organisationer', 2, []],
      ['Initiativ', 2, []],
      ['Initiativ', 3, []],
      ['Initiativ', 4, ['kind', 'participant']],
    ]);
    expect(dryRun.body.rows[1]!.participation).toMatchObject({ organizationRow: 2, role: 'LEAD' });
    expect(dryRun.body.rows[2]!.participation).toMatchObject({ organizationId: existingId, role: 'PARTNER' });

    initiatives.spliceRows(4, 1);
    const good = new Uint8Array(await workbook.xlsx.writeBuffer());
    const { status, body } = await postImport(url(), { body: good, type: 'xlsx', name: 'sommarlov.xlsx' }, { dryRun: false, headers: admin.headers });
    expect(status).toBe(201);
    expect(body.summary).toMatchObject({ organizationsCreated: 1, initiativesCreated: 1, participationsCreated: 2, rowsWithErrors: 0 });
    const unitId = body.rows[0]!.organization!.id;
    const imported = (await client().data(initiative, { id: body.rows[1]!.initiative!.id }, strategist.headers)).initiative;
    expect(imported).toMatchObject({ name: `${token} Sommarlov`, kind: 'PROJECT', start: '2025-06-01', end: '2025-08', municipalities: [{ code: KOMMUN }] });
    expect(imported.participants.map((p: any) => [p.actor.id, p.role, p.status, p.sources[0].title]).sort()).toEqual(
      [
        [unitId, 'LEAD', 'CONFIRMED', 'sommarlov.xlsx'],
        [existingId, 'PARTNER', 'CONFIRMED', 'sommarlov.xlsx'],
      ].sort(),
    );
  });

  it('refuses a file of more rows than an import holds, naming the file, and writes nothing', async () => {
    const rows = Array.from({ length: maxImportRows + 1 }, (_, n) => [`${token} Rad ${n}`, 'ASSOCIATION', KOMMUN]);
    const file = csv([['name', 'kind', 'municipality'], ...rows]);
    const before = await countWritten();
    const { status, body } = await postImport(url(), { body: file, type: 'csv', name: 'for-stor.csv' }, { dryRun: false, headers: strategist.headers });
    expect(status).toBe(400);
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });
    expect(await countWritten()).toBe(before);
  });

  it('refuses a body that is not the workbook it says it is, naming the file', async () => {
    const { status, body } = await postImport(url(), { body: 'no workbook', type: 'xlsx', name: 'trasig.xlsx' }, { dryRun: true, headers: strategist.headers });
    expect(status).toBe(400);
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });
  });
});
