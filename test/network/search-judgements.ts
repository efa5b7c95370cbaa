/**
 * Queries a person would type about the seed network, each with the names of the hits they expect,
 * written from the five seed documents (shared/seed-documents): names as printed and as typed (lower
 * case, without diacritics or punctuation, cut short, with a typo), inflected forms, places, titles,
 * abbreviations, and query syntax typed as text. A query is answered well when an expected hit ranks
 * first; add a query here whenever one goes wrong.
 */
export interface Judgement {
  query: string;
  expected: string[];
}

const medborgarloften = ['Medborgarlöfte i Fagersta', 'Medborgarlöfte juni–augusti 2020', 'Förnyat medborgarlöfte september–november 2020'];
const integration = [
  'Referensgruppen för integration',
  'Hedemora kommuns arbete med integration',
  'Den svenska integrationspolitiken',
  'Inspirationsdag på temat integration',
  'Integration, skola och arbetsliv',
  'Artikelserie om nyanlända kvinnor och mäns integration i Hedemora',
];

export const judgements: Judgement[] = [
  // Tillsammans skapar vi Framtidens Fagersta! (Fagersta kommun)
  { query: 'Framtidens Fagersta', expected: ['Framtidens Fagersta'] },
  { query: 'framtidens fagersta', expected: ['Framtidens Fagersta'] },
  { query: 'Framt', expected: ['Framtidens Fagersta'] },
  { query: 'Fagersta kommun', expected: ['Fagersta kommun'] },
  { query: 'Fagesta kommun', expected: ['Fagersta kommun'] },
  { query: 'Fagersta', expected: ['Fagersta kommun'] },
  { query: 'Länsstyrelsen Västmanland', expected: ['Länsstyrelsen Västmanland'] },
  { query: 'lansstyrelsen vastmanland', expected: ['Länsstyrelsen Västmanland'] },
  { query: 'Annika Hedberg Roth', expected: ['Annika Hedberg Roth'] },
  { query: 'öppna möten', expected: ['Öppna möten inom Framtidens Fagersta'] },
  { query: 'förebilder', expected: ['Framtidens Fagersta'] },
  // Förnyat medborgarlöfte september–november (Fagersta kommun)
  { query: 'Polisen', expected: ['Polisen'] },
  { query: 'Polisen informerar', expected: ['Polisen informerar'] },
  { query: 'medborgarlöfte', expected: medborgarloften },
  { query: 'medborgarlöftet', expected: medborgarloften },
  { query: 'Förnyat medborgarlöfte september-november', expected: ['Förnyat medborgarlöfte september–november 2020'] },
  { query: 'EST-gruppen', expected: ['EST-gruppen'] },
  { query: 'est gruppen', expected: ['EST-gruppen'] },
  { query: 'Effektiv samordning för trygghet', expected: ['EST-gruppen'] },
  { query: 'sociala insatsgrupper', expected: ['Sociala insatsgrupper – Fagerstamodell'] },
  { query: 'Fagerstamodellen', expected: ['Sociala insatsgrupper – Fagerstamodell'] },
  { query: 'trafikkontroller', expected: ['Utökade trafikkontroller'] },
  { query: 'motorburen ungdom', expected: ['Dialog med motorburen ungdom'] },
  { query: 'Ungdomscenter', expected: ['Ungdomscenter'] },
  { query: 'Yrkestrafikgruppen', expected: ['Yrkestrafikgruppen Västmanland'] },
  { query: 'sommarjobb', expected: ['Utökat antal sommarjobb och kostnadsfria aktiviteter'] },
  { query: 'kommunstyrelsen fagersta', expected: ['Kommunstyrelsen i Fagersta kommun'] },
  // Avesta kommun får 4,7 miljoner för integrationsprojekt
  { query: 'Vilka är vi', expected: ['Vilka är vi? För ett inkluderande och hållbart arbetsliv'] },
  { query: 'vilka är vi?', expected: ['Vilka är vi? För ett inkluderande och hållbart arbetsliv'] },
  { query: 'Avesta kommun', expected: ['Avesta kommun'] },
  { query: 'Avesta', expected: ['Avesta kommun'] },
  { query: 'Europeiska socialfonden', expected: ['Europeiska socialfonden'] },
  { query: 'socialfonden', expected: ['Europeiska socialfonden'] },
  { query: 'Birgitta Hägg', expected: ['Birgitta Hägg'] },
  { query: 'birgitta hagg', expected: ['Birgitta Hägg'] },
  { query: 'integrationsstrateg', expected: ['Birgitta Hägg'] },
  { query: 'Orsa kommun', expected: ['Orsa kommun'] },
  { query: 'inspirationsdag', expected: ['Inspirationsdag på temat integration'] },
  { query: 'Erica Hallgren', expected: ['Erica Hallgren'] },
  // Integration – det handlar om att mötas! (Hedemora kommun)
  { query: 'Hedemora', expected: ['Hedemora kommun'] },
  { query: 'Dalarna', expected: ['Länsstyrelsen Dalarna'] },
  { query: 'Migrationsverket', expected: ['Migrationsverket'] },
  { query: 'Migrationsverke', expected: ['Migrationsverket'] },
  { query: 'migrationsverk', expected: ['Migrationsverket'] },
  { query: 'Vägen in', expected: ['Vägen in'] },
  { query: 'vagen in', expected: ['Vägen in'] },
  { query: 'Referensgruppen för integration', expected: ['Referensgruppen för integration'] },
  { query: 'integrationen', expected: integration },
  { query: 'integrationspolitik', expected: ['Den svenska integrationspolitiken'] },
  { query: 'Hedemora Näringsliv', expected: ['Hedemora Näringsliv'] },
  { query: 'Maria Högkvist', expected: ['Maria Högkvist'] },
  { query: 'mångfaldsstrateg', expected: ['Maria Lundgren', 'Maria Högkvist'] },
  { query: 'malung salen', expected: ['Malung-Sälens kommun'] },
  { query: 'Rättvik', expected: ['Rättviks kommun'] },
  { query: 'Falun', expected: ['Falu kommun'] },
  // Vad är Initiativ trygghet? (Markaryds kommun)
  { query: 'Initiativ trygghet', expected: ['Initiativ trygghet'] },
  { query: 'initiativ trygghet!', expected: ['Initiativ trygghet'] },
  { query: 'Markaryd', expected: ['Markaryds kommun'] },
  { query: 'Delmos', expected: ['Delegationen mot segregation'] },
  { query: 'Delegationen mot segregation', expected: ['Delegationen mot segregation'] },
  { query: 'SKR', expected: ['Sveriges Kommuner och Regioner (SKR)'] },
  { query: 'Sveriges kommuner och regioner', expected: ['Sveriges Kommuner och Regioner (SKR)'] },
  { query: 'anna karin palsson', expected: ['Anna-Karin Pålsson'] },
  { query: 'Anders Buene', expected: ['Anders Buene'] },
  { query: 'kommunpolis', expected: ['Anders Buene'] },
  { query: 'Trygg boendemiljö', expected: ['Trygg boendemiljö'] },
  { query: 'drogförebyggande', expected: ['Drogförebyggande gruppen'] },
  { query: 'Ett delaktigt civilsamhälle', expected: ['Ett delaktigt civilsamhälle'] },
  { query: 'Lunds universitet', expected: ['Lunds universitet'] },
  { query: 'malmo universitet', expected: ['Malmö universitet'] },
  { query: 'webbseminarium', expected: ['Webbseminarium om säkra och trygga livsmiljöer', 'Webbseminarium om ungdomar och brott'] },
  { query: 'ungdomar och brott', expected: ['Webbseminarium om ungdomar och brott'] },
  { query: 'Kronoberg', expected: ['Länsstyrelsen Kronoberg'] },
  // Query syntax, typed as text.
  { query: 'Integration, skola och arbetsliv', expected: ['Integration, skola och arbetsliv'] },
  { query: 'integration AND skola', expected: ['Integration, skola och arbetsliv'] },
  { query: 'Polisen (informerar)', expected: ['Polisen informerar'] },
  { query: '"Trygg boendemiljö"', expected: ['Trygg boendemiljö'] },
];
