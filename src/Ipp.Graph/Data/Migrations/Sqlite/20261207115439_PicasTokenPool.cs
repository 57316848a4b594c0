using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ipp.Graph.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PicasTokenPool : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "picas_feed_positions",
                columns: table => new
                {
                    database = table.Column<string>(type: "TEXT", maxLength: 238, nullable: false),
                    sequence = table.Column<string>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_picas_feed_positions", x => x.database);
                });

            migrationBuilder.CreateTable(
                name: "picas_outbox",
                columns: table => new
                {
                    token_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    document = table.Column<string>(type: "TEXT", nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    next_attempt_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    posted_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    last_failure = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_picas_outbox", x => x.token_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_picas_outbox_posted_at_next_attempt_at",
                table: "picas_outbox",
                columns: new[] { "posted_at", "next_attempt_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "picas_feed_positions");

            migrationBuilder.DropTable(
                name: "picas_outbox");
        }
    }
}
