using Ipp.Graph.Accounts;
using Ipp.Graph.Authorization;
using Ipp.Graph.Engine.Tests.Support;

namespace Ipp.Graph.Tests.Authorization;

/// <summary>
/// docs/authorization.md's tables are the server's: each permission with its reach and who holds it, in order, and
/// each page with what it needs. A change of either fails here until the other follows.
/// </summary>
public sealed class PermissionTableDocumentTests
{
    private static readonly string[] Columns = ["Signed in", .. RoleNames.All.Select(RoleNames.NameOf)];

    /// <summary>One row of the permission table: the name, the reach, and a mark per column of <see cref="Columns"/>.</summary>
    public sealed record Row(string Name, string Reach, bool[] Held);

    /// <summary>The rows of docs/authorization.md's permission table, in order.</summary>
    public static List<Row> DocumentedRows() =>
        Lines()
            .Select(line => line.Split('|').Select(cell => cell.Trim()).ToArray())
            .Where(cells => cells.Length == 10 && cells[1].StartsWith('`') && cells[1].Contains(':', StringComparison.Ordinal))
            .Select(cells => new Row(cells[1].Trim('`'), cells[2], [.. cells[4..9].Select(cell => cell == "✓")]))
            .ToList();

    [Fact]
    public void The_documented_permission_table_is_the_built_in_table()
    {
        var rows = DocumentedRows();
        var table = PermissionTable.Default;

        Assert.Equal(Permissions.All.Select(Permissions.NameOf), rows.Select(row => row.Name));
        foreach (var row in rows)
        {
            Assert.True(Permissions.TryParse(row.Name, out var permission));
            Assert.Equal(Permissions.ReachOf(permission) == Reach.Own ? "own" : "all", row.Reach);
            var held = new[] { table.SignedIn.Contains(permission) }.Concat(RoleNames.All.Select(role => table.Roles[role].Contains(permission)));
            Assert.True(held.SequenceEqual(row.Held), $"{row.Name}: documented for {Describe(row.Held)}, held by {Describe([.. held])}.");
        }
    }

    [Fact]
    public void The_documented_pages_are_the_pages()
    {
        var documented = Lines()
            .Select(line => line.Split('|').Select(cell => cell.Trim()).ToArray())
            .Where(cells => cells.Length == 5 && cells[1].StartsWith("`/app", StringComparison.Ordinal))
            .Select(cells => (Href: cells[1].Trim('`'), Label: cells[2], Needs: cells[3].Trim('`')));

        Assert.Equal(Pages.All.Select(page => (page.Href, page.Label, Permissions.NameOf(page.Needs))), documented);
    }

    private static string[] Lines() => File.ReadAllLines(RepositoryPaths.Combine("docs", "authorization.md"));

    private static string Describe(bool[] held) => string.Join(", ", Columns.Where((_, i) => held[i]));
}
