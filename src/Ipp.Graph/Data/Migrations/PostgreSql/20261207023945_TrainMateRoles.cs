using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ipp.Graph.Data.Migrations.PostgreSql
{
    /// <summary>
    /// The roles become TrainMate's (ADMIN, DATA_ENGINEER, AI_RESEARCHER, MAINTAINER): RESEARCHER, which every user
    /// held, goes, since running experiments needs no role. ADMIN rows stay. Down gives every user RESEARCHER again.
    /// </summary>
    public partial class TrainMateRoles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DELETE FROM user_roles WHERE role = 'RESEARCHER';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("INSERT INTO user_roles (user_id, role) SELECT id, 'RESEARCHER' FROM users;");
        }
    }
}
