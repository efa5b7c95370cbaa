import { themesFile } from '../../server/reference/data-files.ts';
import { WeightTable, zipfWeights } from './weights.ts';

export interface SyntheticTheme {
  key: string;
  label: string;
  /** How the theme reads inside a Swedish sentence ("arbetar med …"). */
  phrase: string;
  /** Things done under the theme; descriptions name one, so full-text search has words to find. */
  activities: readonly string[];
}

/**
 * Themes by how often civic work names them, most used first. The order is a judgement (youth,
 * integration and leisure are what most associations say they do; traffic safety is rare); what the
 * benchmark needs is that use is uneven, so they are drawn by Zipf's law over this order.
 */
const byPopularity: Record<string, { phrase?: string; activities: string[] }> = {
  'barn-och-unga': { activities: ['läxhjälp för barn och unga', 'lovaktiviteter', 'ungdomsråd'] },
  integration: { activities: ['språkcafé', 'integrationsträffar', 'samhällsorientering'] },
  fritid: { activities: ['idrott och friluftsliv', 'fritidsgård', 'prova-på-aktiviteter'] },
  trygghet: { activities: ['nattvandring', 'trygghetsvandringar', 'grannsamverkan'] },
  motesplatser: { activities: ['öppna mötesplatser', 'kvinnocafé', 'föreningsträffar'] },
  delaktighet: { activities: ['medborgardialog', 'påverkansarbete', 'dialogmöten'] },
  'social-sammanhallning': { activities: ['gemensamma fester i bostadsområdet', 'volontärverksamhet', 'grannskapsarbete'] },
  forebyggande: { activities: ['föräldrastöd', 'tidiga insatser', 'uppsökande arbete'] },
  halsa: { activities: ['motionsgrupper', 'hälsoinformation', 'promenadgrupper'] },
  'sprak-och-utbildning': { activities: ['svenskundervisning', 'studiecirklar', 'läsfrämjande'] },
  arbete: { activities: ['praktikplatser', 'jobbcoachning', 'sommarjobb för ungdomar'] },
  civilsamhalle: { phrase: 'civilsamhället', activities: ['föreningsutveckling', 'ledarutbildning', 'samverkan med kommunen'] },
  skola: { activities: ['samarbete med skolan', 'läxläsning', 'skolstöd'] },
  jamlikhet: { activities: ['jämlikhetsarbete', 'utbildning om jämlikhet', 'stöd till utsatta grupper'] },
  mangfald: { activities: ['mångkulturella festivaler', 'kulturutbyte', 'interkulturell dialog'] },
  'psykisk-halsa': { activities: ['samtalsstöd', 'stödgrupper', 'kunskap om psykisk ohälsa'] },
  demokrati: { activities: ['demokratiskola', 'valinformation', 'debattkvällar'] },
  etablering: { activities: ['mentorskap för nyanlända', 'etableringsstöd', 'samhällsinformation'] },
  brottsforebyggande: { activities: ['brottsförebyggande samverkan', 'stöd till unga i riskzon', 'sociala insatsgrupper'] },
  andt: { phrase: 'ANDT-frågor', activities: ['drogförebyggande arbete', 'alkoholfria arrangemang', 'tobaksprevention'] },
  segregation: { activities: ['insatser mot segregation', 'möten över gränser', 'bostadsområdesarbete'] },
  utanforskap: { activities: ['insatser mot utanförskap', 'vägar till gemenskap', 'uppsökande verksamhet'] },
  antidiskriminering: { activities: ['antidiskrimineringsbyrå', 'normkritiska utbildningar', 'rådgivning om diskriminering'] },
  forebilder: { activities: ['förebilder som besöker skolor', 'mentorprogram', 'förebildsträffar'] },
  bostad: { activities: ['boendestöd', 'bostadsrådgivning', 'hyresgästarbete'] },
  entreprenorskap: { activities: ['starta-eget-kurser', 'ungdomsföretagande', 'företagarnätverk'] },
  trafiksakerhet: { activities: ['trafikutbildning', 'trafikkontroller', 'säker skolväg'] },
};

const THEME_ZIPF_EXPONENT = 1;

function loadThemes(): SyntheticTheme[] {
  const labels = new Map(themesFile().themes.map((theme) => [theme.key, theme.label]));
  const ordered = Object.keys(byPopularity);
  const missing = [...labels.keys()].filter((key) => !(key in byPopularity));
  const extra = ordered.filter((key) => !labels.has(key));
  if (missing.length > 0 || extra.length > 0) {
    throw new Error(`bench/synthetic/themes.ts is out of step with server/reference/data/themes.json: missing ${missing.join(', ') || '–'}, unknown ${extra.join(', ') || '–'}`);
  }
  return ordered.map((key) => {
    const label = labels.get(key)!;
    const { phrase, activities } = byPopularity[key]!;
    return { key, label, phrase: phrase ?? label.toLowerCase(), activities };
  });
}

/** The 27 themes of server/reference/data/themes.json, most used first. */
export const themes = loadThemes();

export const themeTable = new WeightTable(zipfWeights(themes.length, THEME_ZIPF_EXPONENT));

const themeByKey = new Map(themes.map((theme) => [theme.key, theme]));

export function themeOf(key: string): SyntheticTheme {
  return themeByKey.get(key)!;
}
