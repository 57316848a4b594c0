using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ipp.Graph.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ExperimentLibraryInputs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "library_entry_id",
                table: "experiment_inputs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "library_entry_name",
                table: "experiment_inputs",
                type: "TEXT",
                maxLength: 255,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "library_entry_id",
                table: "experiment_inputs");

            migrationBuilder.DropColumn(
                name: "library_entry_name",
                table: "experiment_inputs");
        }
    }
}
