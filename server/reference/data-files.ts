import { readFileSync } from 'node:fs';

/** Where the län and kommuner come from: SCB's register of them. */
interface ReferenceSource {
  title: string;
  publisher: string;
  published: string;
  url: string;
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(new URL(`./data/${file}`, import.meta.url), 'utf8')) as T;

/** The controlled vocabularies as kept in data/: the themes, the 21 län and the 290 kommuner. */
export const themesFile = () => readJson<{ themes: { key: string; label: string }[] }>('themes.json');
export const countiesFile = () => readJson<{ source: ReferenceSource; counties: { code: string; name: string }[] }>('counties.json');
export const municipalitiesFile = () =>
  readJson<{ source: ReferenceSource; municipalities: { code: string; name: string; county: string }[] }>('municipalities.json');
