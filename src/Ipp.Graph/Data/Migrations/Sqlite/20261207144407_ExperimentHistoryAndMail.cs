using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ipp.Graph.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ExperimentHistoryAndMail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "experiment_mail",
                table: "users",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "mail_when_done",
                table: "experiments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "experiment_mails",
                columns: table => new
                {
                    event_id = table.Column<long>(type: "INTEGER", nullable: false),
                    claimed_by = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    claimed_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_experiment_mails", x => x.event_id);
                    table.ForeignKey(
                        name: "fk_experiment_mails_experiment_events_event_id",
                        column: x => x.event_id,
                        principalTable: "experiment_events",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_experiment_events_experiment_id_id",
                table: "experiment_events",
                columns: new[] { "experiment_id", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "experiment_mails");

            migrationBuilder.DropIndex(
                name: "ix_experiment_events_experiment_id_id",
                table: "experiment_events");

            migrationBuilder.DropColumn(
                name: "experiment_mail",
                table: "users");

            migrationBuilder.DropColumn(
                name: "mail_when_done",
                table: "experiments");
        }
    }
}
