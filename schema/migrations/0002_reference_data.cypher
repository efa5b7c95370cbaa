// Reference data: themes by key, places by their SCB codes.
CREATE CONSTRAINT theme_key IF NOT EXISTS FOR (t:Theme) REQUIRE t.key IS UNIQUE;
CREATE CONSTRAINT theme_id IF NOT EXISTS FOR (t:Theme) REQUIRE t.id IS UNIQUE;
CREATE CONSTRAINT county_code IF NOT EXISTS FOR (c:County) REQUIRE c.code IS UNIQUE;
CREATE CONSTRAINT municipality_code IF NOT EXISTS FOR (m:Municipality) REQUIRE m.code IS UNIQUE;
