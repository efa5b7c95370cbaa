// Writing the network through the API: initiatives gain a review status, initiatives, organisations and
// people a version that refuses stale edits, participations an id of their own, and every change a record.
MATCH (i:Initiative) WHERE i.status IS NULL SET i.status = 'VERIFIED';
MATCH (n) WHERE (n:Initiative OR n:Actor) AND n.version IS NULL SET n.version = 1;
MATCH ()-[r:PARTICIPATES_IN]->() WHERE r.id IS NULL SET r.id = randomUUID();
CREATE CONSTRAINT participation_id IF NOT EXISTS FOR ()-[r:PARTICIPATES_IN]-() REQUIRE r.id IS UNIQUE;
// No index on an initiative's status: every statement tests it on an initiative reached from an actor or by
// id, and the planner scanned such an index once per actor while its statistics were stale (as in 0006).
// The history of one node newest first, and the feed of every change in commit order.
CREATE CONSTRAINT change_id IF NOT EXISTS FOR (c:Change) REQUIRE c.id IS UNIQUE;
CREATE INDEX change_target IF NOT EXISTS FOR (c:Change) ON (c.targetId, c.revision, c.ordinal);
CREATE INDEX change_order IF NOT EXISTS FOR (c:Change) ON (c.revision, c.ordinal);
CREATE INDEX change_at IF NOT EXISTS FOR (c:Change) ON (c.at);
// A merged organisation's id answers as the kept one.
CREATE CONSTRAINT merged_id IF NOT EXISTS FOR (m:MergedId) REQUIRE m.id IS UNIQUE;
