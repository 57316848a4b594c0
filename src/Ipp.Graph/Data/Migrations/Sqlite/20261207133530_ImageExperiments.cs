using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ipp.Graph.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ImageExperiments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "experiment_id",
                table: "library_entries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "image_id",
                table: "experiments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "image_snapshot",
                table: "experiments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "token_id",
                table: "experiments",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "token_revision",
                table: "experiments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "token_state",
                table: "experiments",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "reason",
                table: "experiment_events",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "experiment_tags",
                columns: table => new
                {
                    experiment_id = table.Column<long>(type: "INTEGER", nullable: false),
                    tag_id = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_experiment_tags", x => new { x.experiment_id, x.tag_id });
                    table.ForeignKey(
                        name: "fk_experiment_tags_experiments_experiment_id",
                        column: x => x.experiment_id,
                        principalTable: "experiments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_experiment_tags_tags_tag_id",
                        column: x => x.tag_id,
                        principalTable: "tags",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_library_entries_experiment_id",
                table: "library_entries",
                column: "experiment_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_experiments_image_id_status",
                table: "experiments",
                columns: new[] { "image_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_experiments_token_id",
                table: "experiments",
                column: "token_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_experiment_tags_tag_id_experiment_id",
                table: "experiment_tags",
                columns: new[] { "tag_id", "experiment_id" });

            migrationBuilder.AddForeignKey(
                name: "fk_experiments_container_images_image_id",
                table: "experiments",
                column: "image_id",
                principalTable: "container_images",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_experiments_container_images_image_id",
                table: "experiments");

            migrationBuilder.DropTable(
                name: "experiment_tags");

            migrationBuilder.DropIndex(
                name: "ix_library_entries_experiment_id",
                table: "library_entries");

            migrationBuilder.DropIndex(
                name: "ix_experiments_image_id_status",
                table: "experiments");

            migrationBuilder.DropIndex(
                name: "ix_experiments_token_id",
                table: "experiments");

            migrationBuilder.DropColumn(
                name: "experiment_id",
                table: "library_entries");

            migrationBuilder.DropColumn(
                name: "image_id",
                table: "experiments");

            migrationBuilder.DropColumn(
                name: "image_snapshot",
                table: "experiments");

            migrationBuilder.DropColumn(
                name: "token_id",
                table: "experiments");

            migrationBuilder.DropColumn(
                name: "token_revision",
                table: "experiments");

            migrationBuilder.DropColumn(
                name: "token_state",
                table: "experiments");

            migrationBuilder.DropColumn(
                name: "reason",
                table: "experiment_events");
        }
    }
}
