namespace Ipp.Graph.Data.Migrations;

/// <summary>
/// The data step of the migration <c>ImageInputBlobs</c>, the same on both providers: the library inputs of
/// experiments on images recorded before it name no blob, so their downloads would answer 404 and the blob would go
/// with its entry. Each gets the blob of the library file it reads when that file is still there as it was (same
/// entry, same path inside a folder, same size); any other keeps no blob, as before.
/// </summary>
internal static class ImageInputBlobsBackfill
{
    private const string SameFile = """
        FROM library_files f
        WHERE f.entry_id = experiment_inputs.library_entry_id
          AND f.size = experiment_inputs.size
          AND ((f.path IS NULL AND experiment_inputs.original_name = experiment_inputs.library_entry_name)
               OR experiment_inputs.original_name = experiment_inputs.library_entry_name || '/' || f.path)
        """;

    public const string Sql = $"""
        UPDATE experiment_inputs
        SET blob_key = (SELECT f.blob_key {SameFile}),
            sha256 = (SELECT f.sha256 {SameFile})
        WHERE blob_key IS NULL
          AND library_entry_id IS NOT NULL
          AND experiment_id IN (SELECT id FROM experiments WHERE image_snapshot IS NOT NULL OR image_id IS NOT NULL);
        """;
}
