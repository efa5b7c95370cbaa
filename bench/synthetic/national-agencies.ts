import { WeightTable } from './weights.ts';

export interface NationalAgency {
  slug: string;
  name: string;
  /** Where it sits, for universities; national agencies act nowhere in particular (as in the seed). */
  kommun: string | null;
  /** How often it funds projects, relative to the other funders; 0 for those that do not. */
  funds: number;
  themes: string[];
}

const agency = (slug: string, name: string, funds: number, themeKeys: string[], kommun: string | null = null): NationalAgency => ({
  slug,
  name,
  kommun,
  funds,
  themes: themeKeys,
});

/** National bodies of the kind the seed documents name (Polisen, Migrationsverket, Delmos, the ESF council, SKR, universities). */
export const nationalAgencies: NationalAgency[] = [
  agency('polisen', 'Polisen', 0, ['trygghet', 'brottsforebyggande']),
  agency('migrationsverket', 'Migrationsverket', 0, ['etablering', 'integration']),
  agency('delmos', 'Delegationen mot segregation', 3, ['segregation']),
  agency('mucf', 'Myndigheten för ungdoms- och civilsamhällesfrågor', 3, ['barn-och-unga', 'civilsamhalle']),
  agency('folkhalsomyndigheten', 'Folkhälsomyndigheten', 2, ['halsa', 'andt']),
  agency('bra', 'Brottsförebyggande rådet', 1, ['brottsforebyggande']),
  agency('socialstyrelsen', 'Socialstyrelsen', 0, ['halsa']),
  agency('arvsfonden', 'Allmänna arvsfonden', 5, ['barn-och-unga', 'civilsamhalle']),
  agency('esf', 'Svenska ESF-rådet', 4, ['arbete', 'etablering']),
  agency('skolverket', 'Skolverket', 0, ['skola']),
  agency('boverket', 'Boverket', 1, ['bostad']),
  agency('jamstalldhetsmyndigheten', 'Jämställdhetsmyndigheten', 0, ['jamlikhet']),
  agency('do', 'Diskrimineringsombudsmannen', 0, ['antidiskriminering']),
  agency('skr', 'Sveriges Kommuner och Regioner', 0, []),
  agency('arbetsformedlingen', 'Arbetsförmedlingen', 0, ['arbete']),
  agency('forsakringskassan', 'Försäkringskassan', 0, []),
  agency('trafikverket', 'Trafikverket', 0, ['trafiksakerhet']),
  agency('su', 'Stockholms universitet', 0, [], '0180'),
  agency('gu', 'Göteborgs universitet', 0, [], '1480'),
  agency('lu', 'Lunds universitet', 0, [], '1281'),
  agency('uu', 'Uppsala universitet', 0, [], '0380'),
  agency('mau', 'Malmö universitet', 0, [], '1280'),
  agency('umu', 'Umeå universitet', 0, [], '2480'),
  agency('liu', 'Linköpings universitet', 0, [], '0580'),
  agency('oru', 'Örebro universitet', 0, [], '1880'),
  agency('kau', 'Karlstads universitet', 0, [], '1780'),
  agency('lnu', 'Linnéuniversitetet', 0, [], '0780'),
  agency('miun', 'Mittuniversitetet', 0, [], '2281'),
  agency('sh', 'Södertörns högskola', 0, [], '0126'),
  agency('du', 'Högskolan Dalarna', 0, [], '2080'),
  agency('hig', 'Högskolan i Gävle', 0, [], '2180'),
  agency('mdu', 'Mälardalens universitet', 0, [], '1980'),
  agency('ltu', 'Luleå tekniska universitet', 0, [], '2580'),
];

/** The agencies that fund projects, and a table that draws one of them by how often it funds. */
export const funders = nationalAgencies.filter((national) => national.funds > 0);
export const funderTable = new WeightTable(funders.map((national) => national.funds));
