// Every statement tests a participation's status on a participation reached from its actor or its
// initiative, where expanding from that node beats any index. The index served none of them, and while
// its statistics were stale (after a bulk load) the planner chose it anyway, scanning it once per actor.
DROP INDEX participation_status IF EXISTS;
