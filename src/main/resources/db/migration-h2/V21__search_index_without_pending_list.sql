-- On PostgreSQL this version turns the search index's pending list off. H2 has no search index; the version exists
-- on H2 too so that both databases' schema histories have the same versions.
SELECT 1;
