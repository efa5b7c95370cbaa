import ExcelJS from 'exceljs';
import { luhnCheckDigit } from '../synthetic/organization-numbers.ts';

/**
 * Import files of a given size, deterministic from their first index: organisations spread over the given
 * kommuner with valid organisationsnummer of their own (a block no synthetic network uses), and, for a
 * workbook, initiatives of five participants each named by those numbers.
 */

const themes = ['motesplatser', 'integration', 'trygghet', 'forebyggande', 'jamlikhet'];

function organizationNumber(index: number): string {
  // 8 then 2–9: an ideell förening's number; six digits of the index make it unique within the block.
  const body = `8${2 + Math.floor(index / 1_000_000) % 8}9${String(index % 1_000_000).padStart(6, '0')}`;
  return `${body.slice(0, 6)}-${body.slice(6)}${luhnCheckDigit(body)}`;
}

function organizationRow(index: number, kommuner: string[]): string[] {
  return [
    `Importförening ${index}`,
    organizationNumber(index),
    'ASSOCIATION',
    kommuner[index % kommuner.length]!,
    `${themes[index % themes.length]};${themes[(index + 2) % themes.length]}`,
    `kansli${index}@example.org`,
    `0570-${String(index).padStart(5, '0')}`,
  ];
}

const organizationHeader = ['name', 'organizationNumber', 'kind', 'municipality', 'themes', 'email', 'phone'];

export function organizationsCsv(first: number, rows: number, kommuner: string[]): string {
  const lines = [organizationHeader.join(',')];
  for (let index = first; index < first + rows; index++) lines.push(organizationRow(index, kommuner).map((cell) => `"${cell}"`).join(','));
  return `${lines.join('\n')}\n`;
}

/** Half the rows organisations, half participations in initiatives of five participants each. */
export async function organizationsAndInitiativesXlsx(first: number, rows: number, kommuner: string[]): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  const organizations = workbook.addWorksheet('Organisationer');
  organizations.addRow(organizationHeader);
  const half = Math.floor(rows / 2);
  for (let index = first; index < first + half; index++) organizations.addRow(organizationRow(index, kommuner));
  const initiatives = workbook.addWorksheet('Initiativ');
  initiatives.addRow(['initiative', 'kind', 'themes', 'municipality', 'start', 'end', 'participant', 'role']);
  for (let n = 0; n < rows - half; n++) {
    const initiative = Math.floor(n / 5);
    const organization = first + ((initiative * 5 + (n % 5) * 7) % half);
    const own = n % 5 === 0;
    initiatives.addRow([
      `Importinitiativ ${first}-${initiative}`,
      own ? 'PROJECT' : '',
      own ? themes[initiative % themes.length]! : '',
      own ? kommuner[organization % kommuner.length]! : '',
      own ? '2025-01' : '',
      own ? '2026' : '',
      organizationNumber(organization),
      own ? 'LEAD' : 'PARTNER',
    ]);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
