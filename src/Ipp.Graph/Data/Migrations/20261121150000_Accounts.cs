using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Ipp.Graph.Data.Migrations;

/// <summary>
/// Accounts: users, their roles and their one session. Written by hand (no EF design tools here); column types
/// are left to the provider, and identities are never reused (<c>AUTOINCREMENT</c> on SQLite), so an ended
/// session's id never names a later one.
/// </summary>
[DbContext(typeof(IppDbContext))]
[Migration("20261121150000_Accounts")]
public sealed class Accounts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "users",
            columns: table => new
            {
                id = table.Column<long>(nullable: false).Annotation("Sqlite:Autoincrement", true),
                email = table.Column<string>(maxLength: 254, nullable: false),
                normalized_email = table.Column<string>(maxLength: 254, nullable: false),
                password_hash = table.Column<string>(maxLength: 100, nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_users", user => user.id));

        migrationBuilder.CreateIndex(name: "ix_users_normalized_email", table: "users", column: "normalized_email", unique: true);

        migrationBuilder.CreateTable(
            name: "user_roles",
            columns: table => new
            {
                user_id = table.Column<long>(nullable: false),
                role = table.Column<string>(maxLength: 32, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_user_roles", role => new { role.user_id, role.role });
                table.ForeignKey(
                    name: "fk_user_roles_users_user_id",
                    column: role => role.user_id,
                    principalTable: "users",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "sessions",
            columns: table => new
            {
                id = table.Column<long>(nullable: false).Annotation("Sqlite:Autoincrement", true),
                user_id = table.Column<long>(nullable: false),
                token_hash = table.Column<byte[]>(maxLength: 32, nullable: false),
                issued_at = table.Column<DateTime>(nullable: false),
                expires_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_sessions", session => session.id);
                table.ForeignKey(
                    name: "fk_sessions_users_user_id",
                    column: session => session.user_id,
                    principalTable: "users",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(name: "ix_sessions_token_hash", table: "sessions", column: "token_hash", unique: true);
        migrationBuilder.CreateIndex(name: "ix_sessions_user_id", table: "sessions", column: "user_id", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "sessions");
        migrationBuilder.DropTable(name: "user_roles");
        migrationBuilder.DropTable(name: "users");
    }
}
