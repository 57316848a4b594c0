using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Ipp.Graph.Data.Migrations;

/// <summary>
/// Experiments: each with its uploaded inputs, and the log of status changes that subscribers resume from. Ids are
/// never reused (<c>AUTOINCREMENT</c>): an eid names one folder for ever, and an event cursor one event.
/// </summary>
[DbContext(typeof(IppDbContext))]
[Migration("20261121170000_Experiments")]
public sealed class Experiments : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "experiments",
            columns: table => new
            {
                id = table.Column<long>(nullable: false).Annotation("Sqlite:Autoincrement", true),
                user_id = table.Column<long>(nullable: false),
                application_key = table.Column<string>(maxLength: 128, nullable: false),
                name = table.Column<string>(maxLength: 200, nullable: false),
                description = table.Column<string>(maxLength: 4000, nullable: true),
                parameters = table.Column<string>(nullable: false),
                status = table.Column<string>(maxLength: 16, nullable: false),
                status_changed_at = table.Column<DateTime>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                input_bytes = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_experiments", experiment => experiment.id);
                table.ForeignKey(
                    name: "fk_experiments_users_user_id",
                    column: experiment => experiment.user_id,
                    principalTable: "users",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "ix_experiments_user_id_created_at", table: "experiments", columns: ["user_id", "created_at"]);

        migrationBuilder.CreateTable(
            name: "experiment_inputs",
            columns: table => new
            {
                id = table.Column<long>(nullable: false).Annotation("Sqlite:Autoincrement", true),
                experiment_id = table.Column<long>(nullable: false),
                parameter = table.Column<string>(maxLength: 128, nullable: false),
                stored_name = table.Column<string>(maxLength: 255, nullable: false),
                original_name = table.Column<string>(maxLength: 255, nullable: false),
                size = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_experiment_inputs", input => input.id);
                table.ForeignKey(
                    name: "fk_experiment_inputs_experiments_experiment_id",
                    column: input => input.experiment_id,
                    principalTable: "experiments",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "ix_experiment_inputs_experiment_id_stored_name",
            table: "experiment_inputs",
            columns: ["experiment_id", "stored_name"],
            unique: true);

        migrationBuilder.CreateTable(
            name: "experiment_events",
            columns: table => new
            {
                id = table.Column<long>(nullable: false).Annotation("Sqlite:Autoincrement", true),
                experiment_id = table.Column<long>(nullable: false),
                user_id = table.Column<long>(nullable: false),
                status = table.Column<string>(maxLength: 16, nullable: false),
                previous_status = table.Column<string>(maxLength: 16, nullable: true),
                occurred_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_experiment_events", change => change.id));

        migrationBuilder.CreateIndex(
            name: "ix_experiment_events_user_id_id", table: "experiment_events", columns: ["user_id", "id"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "experiment_events");
        migrationBuilder.DropTable(name: "experiment_inputs");
        migrationBuilder.DropTable(name: "experiments");
    }
}
