import { normalizedName, normalizedNamesAlike } from '../actors/similar-names.ts';
import { newId } from '../shared/ids.ts';
import { participantNumber, type ExistingOrganizations } from './existing.ts';
import type { ImportPlan, PlannedInitiative, PlannedOrganization, PlannedParticipation, RowPlace } from './plan.ts';
import type { ReportRow } from './report.ts';
import type { RowError } from './row-models.ts';

/** What an import writes, each thing with the id it will have, and the report of every row. */
export interface Resolution {
  organizations: (PlannedOrganization & { id: string })[];
  initiatives: (PlannedInitiative & { id: string })[];
  participations: (PlannedParticipation & { id: string; actorId: string; initiativeId: string })[];
  rows: ReportRow[];
  rowsWithErrors: number;
  matched: number;
}

const lowered = (name: string) => name.trim().toLocaleLowerCase('sv');

/**
 * The most likely duplicates a row lists: a reviewer looks at a few, and a file of names alike (numbered
 * sections of one club) would otherwise list every earlier row for each row.
 */
export const maxLikelyDuplicates = 10;

/** An earlier row of the file, as its later rows are compared with it. */
interface EarlierRow {
  id: string;
  row: number;
  name: string;
  normalized: string;
}

/**
 * The file's organisation rows so far, by kommun and by the length of their normalised names. Two names
 * alike differ in length by at most a fifth of the longer (normalizedNamesAlike), so a name of length L
 * is compared only with names of length 4L/5 to 5L/4, not with every earlier row.
 */
class EarlierRows {
  private readonly byKommun = new Map<string, Map<number, EarlierRow[]>>();

  add(row: EarlierRow, kommuner: string[]): void {
    for (const code of kommuner) {
      const byLength = this.byKommun.get(code) ?? new Map<number, EarlierRow[]>();
      this.byKommun.set(code, byLength);
      const sameLength = byLength.get(row.normalized.length) ?? [];
      byLength.set(row.normalized.length, sameLength);
      sameLength.push(row);
    }
  }

  /** Earlier rows of a shared kommun whose names are alike, up to `limit`, skipping the ids already found. */
  alike(normalized: string, kommuner: string[], found: Map<string, unknown>, limit: number): EarlierRow[] {
    const alike: EarlierRow[] = [];
    const shortest = Math.ceil((normalized.length * 4) / 5);
    const longest = Math.floor((normalized.length * 5) / 4);
    for (const code of kommuner) {
      const byLength = this.byKommun.get(code);
      if (!byLength) continue;
      for (let length = shortest; length <= longest; length++) {
        for (const earlier of byLength.get(length) ?? []) {
          if (found.size + alike.length >= limit) return alike;
          if (!found.has(earlier.id) && !alike.includes(earlier) && normalizedNamesAlike(normalized, earlier.normalized)) alike.push(earlier);
        }
      }
    }
    return alike;
  }
}

/**
 * Decides each row against what is registered: an organisation matches one of the same
 * organisationsnummer that the importer sees (one it may not see is an error: the number is taken), and
 * is otherwise new, with any likely duplicates by name; a participant is found by organisationsnummer or
 * by its exact name, in the file or among the organisations of the initiative's kommuner.
 */
export function resolveImport(plan: ImportPlan, existing: ExistingOrganizations): Resolution {
  const rows: ReportRow[] = plan.places.map(({ sheet, row }) => ({ sheet, row, errors: [] }));
  const entry = (place: RowPlace) => rows[place.order - 1]!;
  const fail = (place: RowPlace, error: RowError) => entry(place).errors.push(error);
  for (const error of plan.errors) fail(error, { column: error.column, message: error.message });

  const resolution: Resolution = { organizations: [], initiatives: [], participations: [], rows, rowsWithErrors: 0, matched: 0 };
  const registeredNormalized = new Map(
    [...existing.byKommun].map(([code, organizations]) => [code, organizations.map((organization) => ({ ...organization, normalized: normalizedName(organization.name) }))]),
  );
  const fileByNumber = new Map<string, { id: string; place: RowPlace }>();
  const fileByName = new Map<string, { id: string; place: RowPlace; municipalities: string[] }[]>();
  const earlierRows = new EarlierRows();

  for (const organization of plan.organizations) {
    const { input } = organization;
    const number = input.organizationNumber ?? null;
    const report: NonNullable<ReportRow['organization']> = { action: 'create', id: null, name: input.name, organizationNumber: number, likelyDuplicates: [] };
    entry(organization).organization = report;
    let id: string;
    const earlier = number ? fileByNumber.get(number) : undefined;
    const registered = number ? existing.byNumber.get(number) : undefined;
    if (earlier) {
      fail(organization, { column: 'organizationNumber', message: `appears already in row ${earlier.place.row}` });
      continue;
    } else if (registered && !registered.visible) {
      fail(organization, { column: 'organizationNumber', message: 'is registered already' });
      continue;
    } else if (registered) {
      report.action = 'match';
      report.id = id = registered.id;
      resolution.matched += 1;
    } else {
      id = newId();
      const normalized = normalizedName(input.name);
      report.likelyDuplicates = likelyDuplicates(organization, normalized, registeredNormalized, earlierRows);
      resolution.organizations.push({ ...organization, id });
      earlierRows.add({ id, row: organization.row, name: input.name, normalized }, input.municipality);
    }
    if (number) fileByNumber.set(number, { id, place: organization });
    const sameName = fileByName.get(lowered(input.name)) ?? [];
    sameName.push({ id, place: organization, municipalities: input.municipality });
    fileByName.set(lowered(input.name), sameName);
  }

  const initiativeIds = new Map<string, string>();
  for (const initiative of plan.initiatives) {
    const id = newId();
    initiativeIds.set(initiative.key, id);
    resolution.initiatives.push({ ...initiative, id });
    entry(initiative).initiative = { action: 'create', id: null, name: initiative.input.initiative };
  }

  const initiativesByKey = new Map(plan.initiatives.map((initiative) => [initiative.key, initiative]));
  const registeredByName = new Map<string, { id: string; name: string; code: string }[]>();
  for (const [code, organizations] of existing.byKommun) {
    for (const { id, name } of organizations) registeredByName.set(lowered(name), [...(registeredByName.get(lowered(name)) ?? []), { id, name, code }]);
  }
  const roles = new Map<string, number>();
  for (const participation of plan.participations) {
    const initiative = initiativesByKey.get(participation.initiativeKey)!;
    const report = entry(participation);
    report.initiative ??= { action: 'repeat', id: null, name: initiative.input.initiative };
    const found = findParticipant(participation.participant, initiative.input.municipality ?? [], existing, registeredByName, fileByNumber, fileByName);
    if ('error' in found) {
      fail(participation, { column: 'participant', message: found.error });
      continue;
    }
    const roleKey = `${participation.initiativeKey}\u0000${found.id}\u0000${participation.role}`;
    const earlierRow = roles.get(roleKey);
    if (earlierRow !== undefined) {
      fail(participation, { column: 'role', message: `the organisation takes this role in this initiative already in row ${earlierRow}` });
      continue;
    }
    roles.set(roleKey, participation.row);
    report.participation = { id: null, organizationId: found.row === null ? found.id : null, organizationRow: found.row, organizationName: found.name, role: participation.role };
    resolution.participations.push({ ...participation, id: newId(), actorId: found.id, initiativeId: initiativeIds.get(participation.initiativeKey)! });
  }
  resolution.rowsWithErrors = rows.filter((row) => row.errors.length > 0).length;
  return resolution;
}

/**
 * Registered organisations of the row's kommuner, and earlier new rows of the file in a shared kommun,
 * whose names are alike by the one rule (normalizedNamesAlike, as possibleDuplicates has it); at most
 * maxLikelyDuplicates of them.
 */
function likelyDuplicates(
  organization: PlannedOrganization,
  normalized: string,
  registeredNormalized: Map<string, { id: string; name: string; normalized: string }[]>,
  earlierRows: EarlierRows,
): NonNullable<ReportRow['organization']>['likelyDuplicates'] {
  const { municipality } = organization.input;
  const found = new Map<string, { id: string | null; row: number | null; name: string }>();
  for (const code of municipality) {
    for (const other of registeredNormalized.get(code) ?? []) {
      if (found.size >= maxLikelyDuplicates) return [...found.values()];
      if (!found.has(other.id) && normalizedNamesAlike(normalized, other.normalized)) found.set(other.id, { id: other.id, row: null, name: other.name });
    }
  }
  for (const earlier of earlierRows.alike(normalized, municipality, found, maxLikelyDuplicates)) found.set(earlier.id, { id: null, row: earlier.row, name: earlier.name });
  return [...found.values()];
}

type Participant = { id: string; row: number | null; name: string } | { error: string };

function findParticipant(
  text: string,
  kommuner: string[],
  existing: ExistingOrganizations,
  registeredByName: Map<string, { id: string; name: string; code: string }[]>,
  fileByNumber: Map<string, { id: string; place: RowPlace }>,
  fileByName: Map<string, { id: string; place: RowPlace; municipalities: string[] }[]>,
): Participant {
  const number = participantNumber(text);
  if (number) {
    const inFile = fileByNumber.get(number);
    if (inFile) return { id: inFile.id, row: inFile.place.row, name: text };
    const registered = existing.byNumber.get(number);
    if (registered?.visible) return { id: registered.id, row: null, name: registered.name };
    return { error: 'names no organisation of this file, nor one registered that you can see' };
  }
  const candidates = new Map<string, Participant & { id: string }>();
  for (const inFile of fileByName.get(lowered(text)) ?? []) candidates.set(inFile.id, { id: inFile.id, row: inFile.place.row, name: text });
  for (const other of registeredByName.get(lowered(text)) ?? []) {
    if (kommuner.includes(other.code) && !candidates.has(other.id)) candidates.set(other.id, { id: other.id, row: null, name: other.name });
  }
  if (candidates.size === 1) return [...candidates.values()][0]!;
  if (candidates.size === 0) return { error: 'names no organisation of this file or of the initiative’s kommuner (give the exact name or the organisationsnummer)' };
  return { error: `names ${candidates.size} organisations: give the organisationsnummer instead` };
}
