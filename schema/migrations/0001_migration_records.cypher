// Each applied migration is recorded once; the constraint makes a racing second record impossible.
CREATE CONSTRAINT migration_id IF NOT EXISTS FOR (m:Migration) REQUIRE m.id IS UNIQUE;
