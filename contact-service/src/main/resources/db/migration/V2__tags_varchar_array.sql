-- Hibernate binds tag filters as varchar[]; PostgreSQL has no text[] @> varchar[] operator, so store varchar[].
ALTER TABLE contact ALTER COLUMN tags DROP DEFAULT;
ALTER TABLE contact ALTER COLUMN tags TYPE VARCHAR[] USING tags::VARCHAR[];
ALTER TABLE contact ALTER COLUMN tags SET DEFAULT '{}';
