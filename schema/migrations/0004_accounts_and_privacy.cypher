// Accounts sign in by e-mail; audit entries are read newest first; consents and erasures by id.
CREATE CONSTRAINT account_id IF NOT EXISTS FOR (a:Account) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT account_email IF NOT EXISTS FOR (a:Account) REQUIRE a.email IS UNIQUE;
CREATE CONSTRAINT audit_entry_id IF NOT EXISTS FOR (e:AuditEntry) REQUIRE e.id IS UNIQUE;
CREATE INDEX audit_entry_at IF NOT EXISTS FOR (e:AuditEntry) ON (e.at);
CREATE CONSTRAINT consent_id IF NOT EXISTS FOR (c:Consent) REQUIRE c.id IS UNIQUE;
// An erased person's id, so that reloading the seed does not bring them back. It holds no personal data.
CREATE CONSTRAINT erasure_id IF NOT EXISTS FOR (e:Erasure) REQUIRE e.personId IS UNIQUE;
