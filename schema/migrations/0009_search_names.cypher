// Names as people type them, for search: the standard-folding analyzer drops case and diacritics ("Hagg"
// finds "Hägg") and keeps the Swedish stop words the `swedish` indexes remove, so that a name made of them
// ("Vilka är vi?") is found; prefixes and one-typo forms are asked of it per word. One index over every kind
// that search returns, so that one lookup serves them all; a person's title with the name ("integrationsstrateg"). The `swedish` indexes of 0004 stay, for
// inflections and descriptions.
CREATE FULLTEXT INDEX search_name IF NOT EXISTS FOR (n:Organization|Person|Initiative) ON EACH [n.name, n.title]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding' } };
// Searches read the index from the first request on, so the migration ends when it holds every name.
CALL db.awaitIndex('search_name', 600);
