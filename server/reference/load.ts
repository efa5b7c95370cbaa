import type { Database } from '../db/database.ts';
import { stableId } from '../shared/ids.ts';
import { countiesFile, municipalitiesFile, themesFile } from './data-files.ts';

/** Loads the theme vocabulary, the 21 län and the 290 kommuner. MERGE keeps it idempotent. */
export async function loadReferenceData(db: Database): Promise<void> {
  const themes = themesFile().themes.map((theme) => ({ ...theme, id: stableId('Theme', theme.key) }));
  const { source, counties } = countiesFile();
  const { municipalities } = municipalitiesFile();
  await db.write(async (tx) => {
    await tx.run({
      text: `UNWIND $themes AS theme
             MERGE (t:Theme {key: theme.key})
             SET t.id = theme.id, t.label = theme.label`,
      parameters: { themes },
    });
    await tx.run({
      text: `MERGE (s:Source {id: $source.id})
             SET s.title = $source.title, s.publisher = $source.publisher,
                 s.published = $source.published, s.url = $source.url
             WITH s
             UNWIND $counties AS county
             MERGE (c:County {code: county.code})
             SET c.name = county.name
             MERGE (c)-[:CITES]->(s)`,
      parameters: { source: { ...source, id: stableId('Source', 'scb-kommuner-i-lan') }, counties },
    });
    await tx.run({
      text: `UNWIND $municipalities AS municipality
             MATCH (c:County {code: municipality.county})
             MERGE (m:Municipality {code: municipality.code})
             SET m.name = municipality.name
             MERGE (m)-[:IN_COUNTY]->(c)`,
      parameters: { municipalities },
    });
  });
}
