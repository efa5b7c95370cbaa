// Measures of the network: a run per job, its rows per actor and per initiative (server/research/measures/).
CREATE CONSTRAINT measures_run_id IF NOT EXISTS FOR (run:MeasuresRun) REQUIRE run.id IS UNIQUE;
// The newest run of a scope (latestMeasures).
CREATE INDEX measures_run_scope IF NOT EXISTS FOR (run:MeasuresRun) ON (run.scopeKey, run.state, run.startedAt);
CREATE INDEX actor_measure_run IF NOT EXISTS FOR (m:ActorMeasure) ON (m.runId, m.actorId);
CREATE INDEX initiative_measure_run IF NOT EXISTS FOR (m:InitiativeMeasure) ON (m.runId, m.initiativeId);
