using Ipp.Graph.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Tests.Data;

/// <summary>
/// The migration <c>ImageInputBlobs</c> on the provider the suite runs on: the library inputs of experiments on images
/// recorded before it get the blob of the file they read, when that file is still there as it was; an input of a
/// catalogue experiment (a copy in its folder), of an entry deleted since, or of a file that changed keeps none.
/// </summary>
public sealed class ImageInputBlobsMigrationTests : DatabaseInFolder
{
    [Fact]
    public async Task Inputs_of_image_experiments_get_the_blob_of_the_library_file_they_read()
    {
        await using var db = Database.Context();
        await TestDatabase.MigrateToBeforeAsync(db, "ImageInputBlobs");
        await Database.ExecuteAsync("""
            INSERT INTO users (id, email, normalized_email, password_hash, created_at) VALUES (1, 'ada@example.org', 'ada@example.org', 'x', '2026-12-01 10:00:00');
            INSERT INTO library_entries (id, owner_id, name, normalized_name, kind, size, file_count, created_at, stored_bytes)
              VALUES (1, 1, 'reads.txt', 'reads.txt', 'FILE', 5, 1, '2026-12-01 10:00:00', 5),
                     (2, 1, 'run', 'run', 'FOLDER', 7, 2, '2026-12-01 10:00:00', 7);
            INSERT INTO library_files (entry_id, path, size, sha256, blob_key)
              VALUES (1, NULL, 5, 'sha-reads', 'key-reads'), (2, 'a/x.csv', 3, 'sha-x', 'key-x'), (2, 'b.csv', 4, 'sha-b', 'key-b');
            INSERT INTO container_images (id, name, normalized_name, path, parameters, version, created_at, updated_at)
              VALUES (1, 'tool', 'tool', '/images/tool.sif', '[]', 1, '2026-12-01 10:00:00', '2026-12-01 10:00:00');
            INSERT INTO experiments (id, application_key, created_at, image_id, image_snapshot, name, parameters, status, status_changed_at, stored_bytes, user_id)
              VALUES (1, 'image:1', '2026-12-01 10:00:00', 1, '{}', 'on the image', '{}', 'COMPLETED', '2026-12-01 10:00:00', 0, 1),
                     (2, 'catalogue-tool', '2026-12-01 10:00:00', NULL, NULL, 'on the catalogue', '{}', 'COMPLETED', '2026-12-01 10:00:00', 9, 1),
                     (3, 'image:1', '2026-12-01 10:00:00', NULL, '{}', 'on a deleted image', '{}', 'FAILED', '2026-12-01 10:00:00', 0, 1);
            INSERT INTO experiment_inputs (id, experiment_id, parameter, stored_name, original_name, size, library_entry_id, library_entry_name)
              VALUES (1, 1, 'reads', 'reads.txt', 'reads.txt', 5, 1, 'reads.txt'),
                     (2, 1, 'table', 'run/a/x.csv', 'run/a/x.csv', 3, 2, 'run'),
                     (3, 1, 'gone', 'old.txt', 'old.txt', 8, 99, 'old.txt'),
                     (4, 1, 'changed', 'run/b.csv', 'run/b.csv', 999, 2, 'run'),
                     (5, 2, 'reads', 'reads.txt', 'reads.txt', 5, 1, 'reads.txt'),
                     (6, 3, 'table', 'run/b.csv', 'run/b.csv', 4, 2, 'run'),
                     (7, 1, 'upload', 'notes.txt', 'notes.txt', 5, NULL, NULL);
            """);

        await db.Database.MigrateAsync();

        Assert.Equal(
            """
            1|key-reads|sha-reads
            2|key-x|sha-x
            3||
            4||
            5||
            6|key-b|sha-b
            7||
            """.ReplaceLineEndings("\n"),
            await Database.LinesAsync("SELECT id, blob_key, sha256 FROM experiment_inputs ORDER BY id"));
    }
}
