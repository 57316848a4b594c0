using System.Text.Json;
using Ipp.Graph.Library.Entities;
using Ipp.Graph.Tests.Accounts;
using Ipp.Graph.Tests.Authorization;
using Ipp.Graph.Tests.Experiments.Write;
using Ipp.Graph.Tests.Support;
using static Ipp.Graph.Tests.Library.List.LibraryRows;

namespace Ipp.Graph.Tests.Library.List;

/// <summary>
/// <c>files</c> over the real server and database: what each caller sees (their own and what is shared with them),
/// the filters (name without regard to case, kind, size, date, tags, mine), the orders and keyset pages, and the SQL a
/// page costs.
/// </summary>
public sealed class FilesListTests
{
    private static readonly DateTime Start = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task A_caller_sees_their_own_entries_and_those_shared_with_them_newest_first_and_no_one_elses()
    {
        await using var server = await WriteFixture.StartAsync();
        var ada = await AccessServers.SignUpAsync(server, "DATA_ENGINEER");
        var bob = await AccessServers.SignUpAsync(server, "AI_RESEARCHER");
        var eve = await AccessServers.SignUpAsync(server, "DATA_ENGINEER");
        var shared = await AddTagAsync(server, bob.Id, "for ada");
        await AddEntryAsync(server, ada.Id, "old.csv", createdAt: Start);
        await AddEntryAsync(server, ada.Id, "new.csv", createdAt: Start.AddDays(3));
        var one = await AddEntryAsync(server, bob.Id, "bob-one.csv", createdAt: Start.AddDays(1));
        await AddEntryAsync(server, bob.Id, "bob-tagged.csv", createdAt: Start.AddDays(2), tags: shared);
        await AddEntryAsync(server, bob.Id, "bob-private.csv", createdAt: Start.AddDays(4));
        await ShareAsync(server, bob.Id, ada.Id, entry: one);
        await ShareAsync(server, bob.Id, ada.Id, tag: shared);
        using var http = new GraphQLHttp(server);

        var files = await FilesAsync(http, ada);

        var nodes = files.GetProperty("nodes").EnumerateArray().ToArray();
        Assert.Equal(["new.csv", "bob-tagged.csv", "bob-one.csv", "old.csv"], nodes.Select(n => n.GetProperty("name").GetString()));
        Assert.Equal([true, false, false, true], nodes.Select(n => n.GetProperty("mine").GetBoolean()));
        Assert.Equal([ada.Email, bob.Email, bob.Email, ada.Email], nodes.Select(n => n.GetProperty("ownerEmail").GetString()));
        // The owner's own tag shows on the entry shared with ada, and nowhere else.
        Assert.Equal("for ada", Assert.Single(nodes[1].GetProperty("tags").EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal(["new.csv", "old.csv"], await NamesAsync(http, ada, where: new { mine = new { eq = true } }));
        Assert.Equal(["bob-tagged.csv", "bob-one.csv"], await NamesAsync(http, ada, where: new { mine = new { eq = false } }));
        Assert.Empty(await NamesAsync(http, eve));
        Assert.Equal(["bob-private.csv", "bob-tagged.csv", "bob-one.csv"], await NamesAsync(http, bob));
        Assert.Empty(server.Logs.Errors);
    }

    [Fact]
    public async Task A_name_search_finds_names_whatever_their_case()
    {
        await using var server = await WriteFixture.StartAsync();
        var ada = await AccessServers.SignUpAsync(server, "DATA_ENGINEER");
        await AddEntryAsync(server, ada.Id, "Scan.NII", createdAt: Start.AddDays(2));
        await AddEntryAsync(server, ada.Id, "old-SCANS", LibraryEntryKind.Folder, createdAt: Start.AddDays(1));
        await AddEntryAsync(server, ada.Id, "Ärzte.csv", createdAt: Start);
        await AddEntryAsync(server, ada.Id, "notes.txt", createdAt: Start);
        using var http = new GraphQLHttp(server);

        Assert.Equal(["Scan.NII", "old-SCANS"], await NamesAsync(http, ada, where: new { name = new { contains = "scan" } }));
        Assert.Equal(["Scan.NII", "old-SCANS"], await NamesAsync(http, ada, where: new { name = new { contains = "sCaN" } }));
        Assert.Equal(["Ärzte.csv"], await NamesAsync(http, ada, where: new { name = new { startsWith = "ärZ" } }));
        Assert.Equal(["Scan.NII"], await NamesAsync(http, ada, where: new { name = new { eq = "SCAN.nii" } }));
        Assert.Equal(["Scan.NII"], await NamesAsync(http, ada, where: new { name = new { contains = "scan" }, kind = new { eq = "FILE" } }));
    }

    [Fact]
    public async Task Tag_filters_keep_entries_with_all_of_several_tags_any_of_them_none_or_a_tag_by_name()
    {
        await using var server = await WriteFixture.StartAsync();
        var ada = await AccessServers.SignUpAsync(server, "DATA_ENGINEER");
        var raw = await AddTagAsync(server, ada.Id, "Raw");
        var mri = await AddTagAsync(server, null, "MRI");
        await AddEntryAsync(server, ada.Id, "both", createdAt: Start.AddDays(3), tags: [raw, mri]);
        await AddEntryAsync(server, ada.Id, "raw-only", createdAt: Start.AddDays(2), tags: raw);
        await AddEntryAsync(server, ada.Id, "mri-only", createdAt: Start.AddDays(1), tags: mri);
        await AddEntryAsync(server, ada.Id, "untagged", createdAt: Start);
        using var http = new GraphQLHttp(server);
        object Has(Ipp.Graph.Tags.Entities.Tag tag) => new { tags = new { some = new { id = new { eq = IdOf(tag) } } } };

        Assert.Equal(["both"], await NamesAsync(http, ada, where: new { and = new[] { Has(raw), Has(mri) } }));
        Assert.Equal(["both", "raw-only"], await NamesAsync(http, ada, where: Has(raw)));
        Assert.Equal(["both", "raw-only", "mri-only"], await NamesAsync(http, ada, where: new { tags = new { some = new { id = new { @in = new[] { IdOf(raw), IdOf(mri) } } } } }));
        Assert.Equal(["mri-only", "untagged"], await NamesAsync(http, ada, where: new { tags = new { none = new { id = new { eq = IdOf(raw) } } } }));
        Assert.Equal(["untagged"], await NamesAsync(http, ada, where: new { tags = new { any = false } }));
        Assert.Equal(["both", "mri-only"], await NamesAsync(http, ada, where: new { tags = new { some = new { name = new { eq = "mri" } } } }));
        Assert.Equal(["raw-only"], await NamesAsync(http, ada, where: new { and = new[] { Has(raw), new { name = new { contains = "ONLY" } } } }));
        // An id of no tag (or not a tag's id at all) is no error: it matches nothing.
        Assert.Empty(await NamesAsync(http, ada, where: new { tags = new { some = new { id = new { eq = NoTag } } } }));
        Assert.Empty(await NamesAsync(http, ada, where: new { tags = new { some = new { id = new { eq = IdOf(await AddEntryAsync(server, ada.Id, "x")) } } } }));
    }

    [Fact]
    public async Task Kind_size_and_date_filter_and_name_and_size_orders_page_with_cursors()
    {
        await using var server = await WriteFixture.StartAsync();
        var ada = await AccessServers.SignUpAsync(server, "DATA_ENGINEER");
        await AddEntryAsync(server, ada.Id, "b-small", size: 10, createdAt: Start);
        await AddEntryAsync(server, ada.Id, "A-big", LibraryEntryKind.Folder, size: 5000, createdAt: Start.AddDays(1));
        await AddEntryAsync(server, ada.Id, "c-mid", size: 300, createdAt: Start.AddDays(2));
        await AddEntryAsync(server, ada.Id, "d-mid", size: 300, createdAt: Start.AddDays(3));
        using var http = new GraphQLHttp(server);

        Assert.Equal(["A-big"], await NamesAsync(http, ada, where: new { kind = new { eq = "FOLDER" } }));
        Assert.Equal(["d-mid", "c-mid"], await NamesAsync(http, ada, where: new { size = new { gte = 100, lt = 5000 } }));
        Assert.Equal(["b-small"], await NamesAsync(http, ada, where: new { size = new { @in = new[] { 10, 11 } } }));
        Assert.Equal(["A-big", "b-small"], await NamesAsync(http, ada, where: new { createdAt = new { lte = Start.AddDays(1) } }, order: new { name = "ASC" }));
        Assert.Equal(["A-big", "b-small", "c-mid", "d-mid"], await NamesAsync(http, ada, order: new { name = "ASC" }));
        Assert.Equal(["A-big", "d-mid", "c-mid", "b-small"], await NamesAsync(http, ada, order: new[] { new { size = "DESC" } }));

        var pages = new List<string>();
        string? after = null;
        do
        {
            var page = await FilesAsync(http, ada, order: new { size = "ASC" }, first: 3, after: after);
            pages.AddRange(page.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("name").GetString()!));
            after = page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean() ? page.GetProperty("pageInfo").GetProperty("endCursor").GetString() : null;
        }
        while (after is not null);
        Assert.Equal(["b-small", "c-mid", "d-mid", "A-big"], pages);
    }

    [Fact]
    public async Task A_page_with_tags_and_owners_costs_one_query_for_the_page_one_for_tags_and_one_for_owners()
    {
        await using var server = await WriteFixture.StartAsync("--Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command=Information");
        var ada = await AccessServers.SignUpAsync(server, "DATA_ENGINEER");
        var bob = await AccessServers.SignUpAsync(server, "DATA_ENGINEER");
        var tags = new[] { await AddTagAsync(server, ada.Id, "one"), await AddTagAsync(server, ada.Id, "two"), await AddTagAsync(server, null, "three") };
        for (var i = 0; i < 12; i++)
        {
            await ShareAsync(server, bob.Id, ada.Id, entry: await AddEntryAsync(server, bob.Id, $"bob-{i}"));
            await AddEntryAsync(server, ada.Id, $"ada-{i}", tags: [.. tags.Take(i % 4)]);
        }

        using var http = new GraphQLHttp(server);
        var before = server.Logs.Entries.Count;
        var files = await FilesAsync(http, ada, where: new { name = new { contains = "-" } }, first: 20);

        Assert.Equal(20, files.GetProperty("nodes").GetArrayLength());
        var commands = server.Logs.Entries.Skip(before)
            .Where(e => e.Category == "Microsoft.EntityFrameworkCore.Database.Command" && e.Message.Contains("Executed DbCommand", StringComparison.Ordinal))
            .Select(e => e.Message)
            .ToList();
        Assert.Single(commands, c => c.Contains("-- files: page", StringComparison.Ordinal));
        Assert.DoesNotContain(commands, c => c.Contains("totalCount", StringComparison.Ordinal));
        Assert.Single(commands, c => c.Contains("-- LibraryEntry.tags", StringComparison.Ordinal));
        Assert.Single(commands, c => c.Contains("-- LibraryEntry.ownerEmail", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_caller_without_files_read_sees_no_list()
    {
        await using var server = await WriteFixture.StartAsync();
        var maintainer = await AccessServers.SignUpAsync(server, "MAINTAINER");
        await AddEntryAsync(server, maintainer.Id, "mine-but-unreadable");
        using var http = new GraphQLHttp(server);

        var response = await http.PostAsync(Files, token: maintainer.Token);

        Assert.Equal("AUTH_NOT_AUTHORIZED", response.ErrorCode);
        Assert.Equal(JsonValueKind.Null, response.Body.GetProperty("data").GetProperty("files").ValueKind);
    }
}
