using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ipp.Graph.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ImageInputBlobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "blob_key",
                table: "experiment_inputs",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "sha256",
                table: "experiment_inputs",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_experiment_inputs_blob_key",
                table: "experiment_inputs",
                column: "blob_key");

            migrationBuilder.Sql(ImageInputBlobsBackfill.Sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_experiment_inputs_blob_key",
                table: "experiment_inputs");

            migrationBuilder.DropColumn(
                name: "blob_key",
                table: "experiment_inputs");

            migrationBuilder.DropColumn(
                name: "sha256",
                table: "experiment_inputs");
        }
    }
}
