// The collaboration network: stable ids, natural keys, and what the filters and searches use.
CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT organization_number IF NOT EXISTS FOR (o:Organization) REQUIRE o.organizationNumber IS UNIQUE;
CREATE CONSTRAINT initiative_id IF NOT EXISTS FOR (i:Initiative) REQUIRE i.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (s:Source) REQUIRE s.id IS UNIQUE;
CREATE CONSTRAINT grant_id IF NOT EXISTS FOR (g:Grant) REQUIRE g.id IS UNIQUE;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (e:Event) REQUIRE e.id IS UNIQUE;
CREATE INDEX actor_name IF NOT EXISTS FOR (a:Actor) ON (a.name, a.id);
CREATE INDEX actor_kind IF NOT EXISTS FOR (a:Actor) ON (a.kind);
CREATE INDEX organization_status IF NOT EXISTS FOR (o:Organization) ON (o.status);
CREATE INDEX initiative_name IF NOT EXISTS FOR (i:Initiative) ON (i.name, i.id);
CREATE INDEX initiative_kind IF NOT EXISTS FOR (i:Initiative) ON (i.kind);
CREATE INDEX initiative_period IF NOT EXISTS FOR (i:Initiative) ON (i.startFirst, i.endLast);
CREATE INDEX participation_status IF NOT EXISTS FOR ()-[r:PARTICIPATES_IN]-() ON (r.status);
// Swedish stemming, so that "integrationen" finds "integration".
CREATE FULLTEXT INDEX actor_text IF NOT EXISTS FOR (n:Organization|Person) ON EACH [n.name, n.description]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'swedish' } };
CREATE FULLTEXT INDEX initiative_text IF NOT EXISTS FOR (n:Initiative) ON EACH [n.name, n.description]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'swedish' } };
