using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ipp.Graph.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LibraryListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_library_shares_entry_id",
                table: "library_shares",
                column: "entry_id");

            migrationBuilder.CreateIndex(
                name: "ix_library_shares_owner_id_tag_id",
                table: "library_shares",
                columns: new[] { "owner_id", "tag_id" });

            migrationBuilder.CreateIndex(
                name: "ix_library_entries_created_at_id",
                table: "library_entries",
                columns: new[] { "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_library_entries_normalized_name_id",
                table: "library_entries",
                columns: new[] { "normalized_name", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_library_entries_size_id",
                table: "library_entries",
                columns: new[] { "size", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_library_shares_entry_id",
                table: "library_shares");

            migrationBuilder.DropIndex(
                name: "ix_library_shares_owner_id_tag_id",
                table: "library_shares");

            migrationBuilder.DropIndex(
                name: "ix_library_entries_created_at_id",
                table: "library_entries");

            migrationBuilder.DropIndex(
                name: "ix_library_entries_normalized_name_id",
                table: "library_entries");

            migrationBuilder.DropIndex(
                name: "ix_library_entries_size_id",
                table: "library_entries");
        }
    }
}
