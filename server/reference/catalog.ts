import { countiesFile, municipalitiesFile, themesFile } from './data-files.ts';

/**
 * The controlled vocabularies, read once from data/: what input may name. Checking against them at
 * the edge turns an unknown theme or kommun into a clear error before any database work.
 */
class ReferenceCatalog {
  readonly themeLabels = new Map(themesFile().themes.map((theme) => [theme.key, theme.label]));
  readonly countyNames = new Map(countiesFile().counties.map((county) => [county.code, county.name]));
  readonly municipalities = new Map(
    municipalitiesFile().municipalities.map((municipality) => [municipality.code, municipality]),
  );

  isThemeKey = (key: string) => this.themeLabels.has(key);
  isCountyCode = (code: string) => this.countyNames.has(code);
  isMunicipalityCode = (code: string) => this.municipalities.has(code);
}

let catalog: ReferenceCatalog | undefined;

export function referenceCatalog(): ReferenceCatalog {
  catalog ??= new ReferenceCatalog();
  return catalog;
}
