using Ipp.Graph.Data;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.GraphQL;
using Ipp.Graph.Tags.Entities;
using Microsoft.EntityFrameworkCore;
using static Ipp.Graph.Tests.Experiments.ReadJson;
using static Ipp.Graph.Tests.Library.List.LibraryRows;

namespace Ipp.Graph.Tests.Experiments.Tags;

/// <summary>
/// <c>experiments(where: {tags: …})</c>: all of several tags, any of them, none, untagged, by name; paged as every
/// filter is; the caller's experiments only; in SQL.
/// </summary>
public sealed class ExperimentsTagFilterTests(ReadServer fixture) : IClassFixture<ReadServer>
{
    private const string List =
        "query($where: ExperimentFilterInput, $first: Int, $after: String) { experiments(where: $where, first: $first, after: $after) { "
        + "totalCount pageInfo { hasNextPage endCursor } nodes { name } } }";

    private static readonly DateTime T0 = new(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// Newest first: both (raw, MRI), raw-only, mri-only (the custom tag), untagged; and another user's experiment
    /// carrying raw and MRI.
    /// </summary>
    private async Task<(ReadUser User, Tag Raw, Tag Mri)> SeedAsync()
    {
        var user = await fixture.NewUserAsync();
        var other = await fixture.NewUserAsync();
        var raw = await AddTagAsync(fixture.Server, user.Id, "raw");
        var mri = await AddTagAsync(fixture.Server, null, $"MRI {Guid.NewGuid():n}");
        await TaggedAsync(user, "untagged", T0);
        await TaggedAsync(user, "mri-only", T0.AddHours(1), mri);
        await TaggedAsync(user, "raw-only", T0.AddHours(2), raw);
        await TaggedAsync(user, "both", T0.AddHours(3), raw, mri);
        await TaggedAsync(other, "someone else's", T0.AddHours(4), raw, mri);
        return (user, raw, mri);
    }

    private async Task TaggedAsync(ReadUser owner, string name, DateTime createdAt, params Tag[] tags)
    {
        var experiment = await fixture.AddExperimentAsync(owner, name, ExperimentStatus.Completed, createdAt);
        await using var db = await fixture.Server.Services.GetRequiredService<IDbContextFactory<IppDbContext>>().CreateDbContextAsync();
        db.AddRange(tags.Select(tag => new ExperimentTag { ExperimentId = experiment.Id, TagId = tag.Id }));
        await db.SaveChangesAsync();
    }

    private async Task<string[]> NamesAsync(ReadUser user, object where) =>
        Names((await fixture.Http.PostAsync(List, new { where }, user.Token)).Data("experiments"));

    private static object Has(Tag tag) => new { tags = new { some = new { id = new { eq = IdOf(tag) } } } };

    [Fact]
    public async Task All_any_or_none_of_several_tags_untagged_and_by_name()
    {
        var (user, raw, mri) = await SeedAsync();

        Assert.Equal(["both"], await NamesAsync(user, new { and = new[] { Has(raw), Has(mri) } }));
        Assert.Equal(["both", "raw-only", "mri-only"], await NamesAsync(user, new { tags = new { some = new { id = new { @in = new[] { IdOf(raw), IdOf(mri) } } } } }));
        Assert.Equal(["both", "raw-only", "mri-only"], await NamesAsync(user, new { or = new[] { Has(raw), Has(mri) } }));
        Assert.Equal(["untagged"], await NamesAsync(user, new { tags = new { none = new { id = new { @in = new[] { IdOf(raw), IdOf(mri) } } } } }));
        Assert.Equal(["mri-only", "untagged"], await NamesAsync(user, new { tags = new { none = new { id = new { eq = IdOf(raw) } } } }));
        Assert.Equal(["untagged"], await NamesAsync(user, new { tags = new { any = false } }));
        Assert.Equal(["both", "raw-only", "mri-only"], await NamesAsync(user, new { tags = new { any = true } }));
        Assert.Equal(["both", "raw-only"], await NamesAsync(user, new { tags = new { some = new { name = new { eq = "RAW" } } } }));
        Assert.Equal(["raw-only"], await NamesAsync(user, new { and = new object[] { Has(raw), new { tags = new { none = new { id = new { eq = IdOf(mri) } } } } } }));
        // An id that names no tag, or names something else, matches nothing.
        Assert.Empty(await NamesAsync(user, new { tags = new { some = new { id = new { eq = NoTag } } } }));
        Assert.Empty(await NamesAsync(user, new { tags = new { some = new { id = new { eq = GlobalId.Encode("Experiment", 1) } } } }));
        Assert.Empty(fixture.Server.Logs.Errors);
    }

    [Fact]
    public async Task A_tag_filter_pages_as_every_filter_does()
    {
        var (user, raw, mri) = await SeedAsync();
        var where = new { tags = new { some = new { id = new { @in = new[] { IdOf(raw), IdOf(mri) } } } } };
        var names = new List<string>();
        string? after = null;
        var pages = 0;
        while (true)
        {
            var page = (await fixture.Http.PostAsync(List, new { where, first = 2, after }, user.Token)).Data("experiments");
            Assert.Equal(3, page.GetProperty("totalCount").GetInt32());
            names.AddRange(Names(page));
            pages++;
            if (!page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean())
            {
                break;
            }

            after = page.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        }

        Assert.Equal(["both", "raw-only", "mri-only"], names);
        Assert.Equal(2, pages);
    }

    [Fact]
    public async Task The_tag_filter_is_SQL_the_experiments_a_tag_is_on_read_through_its_index()
    {
        var (user, raw, _) = await SeedAsync();
        string[] names = [];

        var sql = await fixture.CaptureSqlAsync(async () => names = await NamesAsync(user, Has(raw)));

        Assert.Equal(["both", "raw-only"], names);
        var query = Assert.Single(sql, command => command.Contains("-- experiments: page", StringComparison.Ordinal));
        // The caller's rows, then the experiments the tag is on: a subquery that does not depend on the row.
        var lines = query.Split('\n');
        Assert.Contains("WHERE e.user_id = @UserId AND e.status <> 'staging' AND e.id IN (", lines);
        Assert.Contains("    SELECT e0.experiment_id", lines);
        Assert.Contains("    FROM experiment_tags AS e0", lines);
        Assert.Contains("    WHERE e0.tag_id = @Value", lines);
    }
}
