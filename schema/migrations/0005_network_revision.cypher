// One counter that every write to the network moves (server/db/revision.ts); unique so that MERGE never makes two.
CREATE CONSTRAINT revision_name IF NOT EXISTS FOR (r:Revision) REQUIRE r.name IS UNIQUE;
