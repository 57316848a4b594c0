using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ipp.Graph.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ExperimentMailRetries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "attempts",
                table: "experiment_mails",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "not_before",
                table: "experiment_mails",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "attempts",
                table: "experiment_mails");

            migrationBuilder.DropColumn(
                name: "not_before",
                table: "experiment_mails");
        }
    }
}
