using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ipp.Graph.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ExperimentLibraryInputs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "stored_name",
                table: "experiment_inputs",
                type: "character varying(1280)",
                maxLength: 1280,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(255)",
                oldMaxLength: 255);

            migrationBuilder.AlterColumn<string>(
                name: "original_name",
                table: "experiment_inputs",
                type: "character varying(1280)",
                maxLength: 1280,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(255)",
                oldMaxLength: 255);

            migrationBuilder.AddColumn<long>(
                name: "library_entry_id",
                table: "experiment_inputs",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "library_entry_name",
                table: "experiment_inputs",
                type: "character varying(255)",
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

            migrationBuilder.AlterColumn<string>(
                name: "stored_name",
                table: "experiment_inputs",
                type: "character varying(255)",
                maxLength: 255,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(1280)",
                oldMaxLength: 1280);

            migrationBuilder.AlterColumn<string>(
                name: "original_name",
                table: "experiment_inputs",
                type: "character varying(255)",
                maxLength: 255,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(1280)",
                oldMaxLength: 1280);
        }
    }
}
