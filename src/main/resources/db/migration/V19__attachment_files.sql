-- Files next to pictures: a file keeps the name it was sent with (made safe; never used as a path, the bytes stay under
-- their random id) and the media type it was sent as, which can be longer than a picture's.
ALTER TABLE attachment ADD COLUMN name VARCHAR(255);
ALTER TABLE attachment ALTER COLUMN content_type SET DATA TYPE VARCHAR(128);
