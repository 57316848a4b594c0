-- The benchmark's library, written in bulk by bench/library/run.sh for sqlite3 or psql, which puts in the users'
-- ids (@OWNER@, @OTHER@) and the provider's forms of an entry's number and time from i (@NUMBER@, @CREATED_AT@):
-- 20 own tags of the owner; 100,000 entries of the owner (one in five a folder, names of ten words with a number:
-- 'Scan-000010.nii'), each carrying two tags, the first by its id modulo 20, the second by its id / 20 modulo 20 (so
-- each tag is on about a tenth of them); and 10,000 entries of another user that the owner does not see. Entries
-- are a minute apart.
INSERT INTO tags (owner_id, name, normalized_name, created_at)
SELECT @OWNER@, 'tag-' || n, 'tag-' || n, '2025-01-01 00:00:00'
FROM (WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 20) SELECT n FROM t) AS numbers;

INSERT INTO library_entries (owner_id, name, normalized_name, kind, size, sha256, file_count, created_at, stored_bytes)
SELECT owner, word || '-' || @NUMBER@ || '.nii', lower(word) || '-' || @NUMBER@ || '.nii',
       CASE WHEN i % 5 = 0 THEN 'FOLDER' ELSE 'FILE' END, (i * 7919) % 100000000, NULL, 1, created_at, 100
FROM (
  WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 110000)
  SELECT i,
         CASE WHEN i <= 100000 THEN @OWNER@ ELSE @OTHER@ END AS owner,
         CASE i % 10 WHEN 0 THEN 'Scan' WHEN 1 THEN 'mask' WHEN 2 THEN 'Notes' WHEN 3 THEN 'image' WHEN 4 THEN 'volume'
                     WHEN 5 THEN 'label' WHEN 6 THEN 'Report' WHEN 7 THEN 'table' WHEN 8 THEN 'model' ELSE 'result' END AS word,
         @CREATED_AT@ AS created_at
  FROM s
) AS rows;

INSERT INTO library_entry_tags (entry_id, tag_id)
SELECT e.id, t.id
FROM library_entries e
JOIN tags t ON t.owner_id = e.owner_id
  AND (t.name = 'tag-' || (e.id % 20 + 1) OR t.name = 'tag-' || ((e.id / 20) % 20 + 1))
WHERE e.owner_id = @OWNER@;
