using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Ipp.Graph.Data.Migrations;

/// <summary>
/// An experiment's stored parameters hold the values of its application's fields only: the IPP catalogue's
/// <c>experimentName</c>/<c>experimentDescription</c>, which earlier versions stored there too, are the experiment's
/// own name and description columns (experiment.json still gives the backend both). Data only: the model is unchanged.
/// </summary>
[DbContext(typeof(IppDbContext))]
[Migration("20261206120000_ParametersWithoutNameFields")]
public sealed class ParametersWithoutNameFields : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("UPDATE experiments SET parameters = json_remove(parameters, '$.experimentName', '$.experimentDescription');");

    /// <summary>Nothing to undo: earlier versions read parameters without these entries as well.</summary>
    protected override void Down(MigrationBuilder migrationBuilder)
    {
    }
}
