using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Ipp.Graph.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Library : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "library_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    owner_id = table.Column<long>(type: "bigint", nullable: false),
                    name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    normalized_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    kind = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    file_count = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    stored_bytes = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_library_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_library_entries_users_owner_id",
                        column: x => x.owner_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "tags",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    owner_id = table.Column<long>(type: "bigint", nullable: true),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    normalized_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tags", x => x.id);
                    table.ForeignKey(
                        name: "fk_tags_users_owner_id",
                        column: x => x.owner_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "library_files",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    entry_id = table.Column<long>(type: "bigint", nullable: false),
                    path = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    blob_key = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_library_files", x => x.id);
                    table.ForeignKey(
                        name: "fk_library_files_library_entries_entry_id",
                        column: x => x.entry_id,
                        principalTable: "library_entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "library_entry_tags",
                columns: table => new
                {
                    entry_id = table.Column<long>(type: "bigint", nullable: false),
                    tag_id = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_library_entry_tags", x => new { x.entry_id, x.tag_id });
                    table.ForeignKey(
                        name: "fk_library_entry_tags_library_entries_entry_id",
                        column: x => x.entry_id,
                        principalTable: "library_entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_library_entry_tags_tags_tag_id",
                        column: x => x.tag_id,
                        principalTable: "tags",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "library_shares",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    owner_id = table.Column<long>(type: "bigint", nullable: false),
                    entry_id = table.Column<long>(type: "bigint", nullable: true),
                    tag_id = table.Column<long>(type: "bigint", nullable: true),
                    user_id = table.Column<long>(type: "bigint", nullable: true),
                    group_id = table.Column<long>(type: "bigint", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_library_shares", x => x.id);
                    table.CheckConstraint("ck_library_shares_entry_or_tag", "(entry_id IS NULL) <> (tag_id IS NULL)");
                    table.CheckConstraint("ck_library_shares_user_or_group", "(user_id IS NULL) <> (group_id IS NULL)");
                    table.ForeignKey(
                        name: "fk_library_shares_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_library_shares_library_entries_entry_id",
                        column: x => x.entry_id,
                        principalTable: "library_entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_library_shares_tags_tag_id",
                        column: x => x.tag_id,
                        principalTable: "tags",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_library_shares_users_owner_id",
                        column: x => x.owner_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_library_shares_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_library_entries_owner_id_created_at",
                table: "library_entries",
                columns: new[] { "owner_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_library_entries_owner_id_normalized_name",
                table: "library_entries",
                columns: new[] { "owner_id", "normalized_name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_library_entries_owner_id_size",
                table: "library_entries",
                columns: new[] { "owner_id", "size" });

            migrationBuilder.CreateIndex(
                name: "ix_library_entry_tags_tag_id_entry_id",
                table: "library_entry_tags",
                columns: new[] { "tag_id", "entry_id" });

            migrationBuilder.CreateIndex(
                name: "ix_library_files_blob_key",
                table: "library_files",
                column: "blob_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_library_files_entry_id_path",
                table: "library_files",
                columns: new[] { "entry_id", "path" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_library_shares_tag_id",
                table: "library_shares",
                column: "tag_id");

            migrationBuilder.CreateIndex(
                name: "ix_library_shares_entry_group",
                table: "library_shares",
                columns: new[] { "entry_id", "group_id" },
                unique: true,
                filter: "entry_id IS NOT NULL AND group_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_library_shares_entry_user",
                table: "library_shares",
                columns: new[] { "entry_id", "user_id" },
                unique: true,
                filter: "entry_id IS NOT NULL AND user_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_library_shares_group_id",
                table: "library_shares",
                column: "group_id");

            migrationBuilder.CreateIndex(
                name: "ix_library_shares_owner_tag_group",
                table: "library_shares",
                columns: new[] { "owner_id", "tag_id", "group_id" },
                unique: true,
                filter: "tag_id IS NOT NULL AND group_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_library_shares_owner_tag_user",
                table: "library_shares",
                columns: new[] { "owner_id", "tag_id", "user_id" },
                unique: true,
                filter: "tag_id IS NOT NULL AND user_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_library_shares_user_id",
                table: "library_shares",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_tags_custom_normalized_name",
                table: "tags",
                column: "normalized_name",
                unique: true,
                filter: "owner_id IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_tags_owner_id_normalized_name",
                table: "tags",
                columns: new[] { "owner_id", "normalized_name" },
                unique: true,
                filter: "owner_id IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "library_entry_tags");

            migrationBuilder.DropTable(
                name: "library_files");

            migrationBuilder.DropTable(
                name: "library_shares");

            migrationBuilder.DropTable(
                name: "library_entries");

            migrationBuilder.DropTable(
                name: "tags");
        }
    }
}
