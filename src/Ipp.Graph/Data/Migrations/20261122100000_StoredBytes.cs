using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Ipp.Graph.Data.Migrations;

/// <summary>
/// The quota counts everything an experiment stores (<see cref="Storage.UserStoredBytes"/>), not its files alone:
/// <c>input_bytes</c> becomes <c>stored_bytes</c>. Existing rows add the UTF-8 bytes of their texts (row and inputs)
/// and their experiment.json, which the database cannot read: estimated as those texts again (the manifest holds
/// them) plus 512 bytes, and 128 bytes per file, for its keys, the owner's email and the dates.
/// </summary>
[DbContext(typeof(IppDbContext))]
[Migration("20261122100000_StoredBytes")]
public sealed class StoredBytes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.RenameColumn(name: "input_bytes", table: "experiments", newName: "stored_bytes");
        migrationBuilder.Sql(
            """
            UPDATE experiments SET stored_bytes = stored_bytes + 512 + 2 * (
                length(CAST(application_key AS BLOB)) + length(CAST(name AS BLOB))
                + ifnull(length(CAST(description AS BLOB)), 0) + length(CAST(parameters AS BLOB)))
              + ifnull((SELECT sum(128 + 2 * (length(CAST(parameter AS BLOB)) + length(CAST(stored_name AS BLOB)) + length(CAST(original_name AS BLOB))))
                        FROM experiment_inputs WHERE experiment_id = experiments.id), 0);
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql(
            "UPDATE experiments SET stored_bytes = ifnull((SELECT sum(size) FROM experiment_inputs WHERE experiment_id = experiments.id), 0);");
        migrationBuilder.RenameColumn(name: "stored_bytes", table: "experiments", newName: "input_bytes");
    }
}
