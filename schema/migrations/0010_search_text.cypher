// Search's Swedish full text in one index: names and descriptions of every kind that search returns, with the
// `swedish` analyzer (inflections: "integrationen" finds "integration"), so that one lookup serves where two
// (actor_text and initiative_text, kept for the lists' text filters) were asked before.
CREATE FULLTEXT INDEX search_text IF NOT EXISTS FOR (n:Organization|Person|Initiative) ON EACH [n.name, n.description]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'swedish' } };
// Searches read the index from the first request on, so the migration ends when it holds every text.
CALL db.awaitIndex('search_text', 600);
