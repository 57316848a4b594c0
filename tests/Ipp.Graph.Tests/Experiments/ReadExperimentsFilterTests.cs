using Ipp.Graph.Data;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.Tests.Support;
using static Ipp.Graph.Tests.Experiments.ReadJson;

namespace Ipp.Graph.Tests.Experiments;

/// <summary><c>experiments(where:)</c>: each operation, and/or, translated to SQL.</summary>
public sealed class ReadExperimentsFilterTests(ReadServer fixture) : IClassFixture<ReadServer>
{
    private const string List =
        "query($where: ExperimentFilterInput) { experiments(where: $where, order: [{name: ASC}]) { nodes { name } } }";

    private static readonly DateTime T0 = new(2026, 11, 21, 10, 0, 0, DateTimeKind.Utc);

    /// <summary>alpha (editing, t0), beta (submitted, t0+1h, described), gamma (running, t0+2h), delta (completed, t0+3h, other app), eps (failed).</summary>
    private async Task<ReadUser> SeedAsync()
    {
        var user = await fixture.NewUserAsync();
        await fixture.AddExperimentAsync(user, "alpha", ExperimentStatus.Editing, T0);
        await fixture.AddExperimentAsync(user, "beta", ExperimentStatus.Submitted, T0.AddHours(1), description: "Second Run");
        await fixture.AddExperimentAsync(user, "gamma", ExperimentStatus.Running, T0.AddHours(2).AddTicks(1234567));
        await fixture.AddExperimentAsync(user, "delta", ExperimentStatus.Completed, T0.AddHours(3), applicationKey: "other");
        await fixture.AddExperimentAsync(user, "eps", ExperimentStatus.Failed, T0.AddHours(4), description: "first run");
        await fixture.AddExperimentAsync(user, "hidden", ExperimentStatus.Staging, T0.AddHours(5));
        return user;
    }

    private async Task<string[]> NamesAsync(ReadUser user, object where)
    {
        var response = await fixture.Http.PostAsync(List, new { where }, user.Token);
        return Names(response.Data("experiments"));
    }

    [Fact]
    public async Task String_operations_keep_what_matches()
    {
        var user = await SeedAsync();
        Assert.Equal(["beta"], await NamesAsync(user, new { name = new { eq = "beta" } }));
        Assert.Equal(["alpha", "delta", "eps", "gamma"], await NamesAsync(user, new { name = new { neq = "beta" } }));
        Assert.Equal(["alpha", "beta", "delta", "gamma"], await NamesAsync(user, new { name = new { contains = "a" } }));
        Assert.Equal(["eps"], await NamesAsync(user, new { name = new { ncontains = "a" } }));
        Assert.Equal(["delta"], await NamesAsync(user, new { name = new { startsWith = "de" } }));
        Assert.Equal(["alpha", "beta", "eps", "gamma"], await NamesAsync(user, new { name = new { nstartsWith = "de" } }));
        Assert.Equal(["alpha", "beta", "delta", "gamma"], await NamesAsync(user, new { name = new { endsWith = "a" } }));
        Assert.Equal(["eps"], await NamesAsync(user, new { name = new { nendsWith = "a" } }));
        Assert.Equal(["alpha", "eps"], await NamesAsync(user, new { name = new { @in = new[] { "eps", "alpha", "zeta" } } }));
        Assert.Equal(["beta", "delta", "gamma"], await NamesAsync(user, new { name = new { nin = new[] { "eps", "alpha" } } }));
        Assert.Equal(["delta"], await NamesAsync(user, new { applicationKey = new { eq = "other" } }));
        // Text comparisons are the database's: case-sensitive.
        Assert.Equal(["eps"], await NamesAsync(user, new { description = new { contains = "run" } }));
        Assert.Empty(await NamesAsync(user, new { name = new { @in = Array.Empty<string>() } }));
    }

    [Fact]
    public async Task Null_compares_with_fields_that_can_be_null()
    {
        var user = await SeedAsync();
        Assert.Equal(["alpha", "delta", "gamma"], await NamesAsync(user, new { description = new { eq = (string?)null } }));
        Assert.Equal(["beta", "eps"], await NamesAsync(user, new { description = new { neq = (string?)null } }));
        Assert.Equal(["alpha", "beta", "delta", "gamma"], await NamesAsync(user, new { description = new { ncontains = "first" } }));
        Assert.Equal(["alpha", "beta", "delta", "gamma"], await NamesAsync(user, new { description = new { @in = new[] { null, "Second Run" } } }));
        Assert.Equal(["eps"], await NamesAsync(user, new { description = new { nin = new[] { null, "Second Run" } } }));
    }

    [Theory]
    [InlineData("{ name: { contains: null } }", "contains", "StringOperationFilterInput")]
    [InlineData("{ name: { eq: null } }", "eq", "StringOperationFilterInput")]
    [InlineData("{ status: { eq: null } }", "eq", "ExperimentStatusOperationFilterInput")]
    [InlineData("{ createdAt: { gt: null } }", "gt", "DateTimeOperationFilterInput")]
    [InlineData("{ createdAt: { in: [null] } }", "in", "DateTimeOperationFilterInput")]
    [InlineData("{ status: { in: null } }", "in", "ExperimentStatusOperationFilterInput")]
    public async Task Null_where_it_cannot_compare_is_HC0026(string where, string operation, string type)
    {
        var user = await fixture.NewUserAsync();
        var response = await fixture.Http.PostAsync($"{{ experiments(where: {where}) {{ totalCount }} }}", token: user.Token);
        Assert.Equal("HC0026", response.ErrorCode);
        Assert.Equal($"The provided value for filter `{operation}` of type {type} is invalid. Null values are not supported.", response.ErrorMessage);
        Assert.Equal("experiments", response.Error.GetProperty("path")[0].GetString());
        Assert.Empty(fixture.Server.Logs.Errors);
    }

    [Fact]
    public async Task Status_operations_compare_statuses()
    {
        var user = await SeedAsync();
        Assert.Equal(["gamma"], await NamesAsync(user, new { status = new { eq = "RUNNING" } }));
        Assert.Equal(["alpha", "beta", "delta", "eps"], await NamesAsync(user, new { status = new { neq = "RUNNING" } }));
        Assert.Equal(["alpha", "delta"], await NamesAsync(user, new { status = new { @in = new[] { "COMPLETED", "EDITING" } } }));
        Assert.Equal(["beta", "eps", "gamma"], await NamesAsync(user, new { status = new { nin = new[] { "COMPLETED", "EDITING" } } }));
    }

    [Fact]
    public async Task Instant_ranges_compare_instants_not_text()
    {
        var user = await SeedAsync();
        var gamma = T0.AddHours(2).AddTicks(1234567);
        Assert.Equal(["delta", "eps"], await NamesAsync(user, new { createdAt = new { gt = Rfc3339(gamma) } }));
        // The same instant written with another offset.
        Assert.Equal(["delta", "eps", "gamma"], await NamesAsync(user, new { createdAt = new { gte = "2026-11-21T13:00:00.1+01:00" } }));
        Assert.Equal(["alpha", "beta"], await NamesAsync(user, new { createdAt = new { lt = "2026-11-21T12:00:00Z" } }));
        Assert.Equal(["alpha", "beta", "gamma"], await NamesAsync(user, new { createdAt = new { lte = Rfc3339(gamma) } }));
        Assert.Equal(["alpha", "beta", "delta", "gamma"], await NamesAsync(user, new { createdAt = new { ngt = "2026-11-21T13:00:00Z" } }));
        Assert.Equal(["alpha"], await NamesAsync(user, new { createdAt = new { nlt = "2026-11-21T10:00:00Z", ngte = "2026-11-21T10:00:01Z" } }));
        Assert.Equal(["delta", "eps"], await NamesAsync(user, new { createdAt = new { nlte = Rfc3339(gamma) } }));
        Assert.Equal(["beta"], await NamesAsync(user, new { createdAt = new { eq = "2026-11-21T11:00:00Z" } }));
        Assert.Equal(["beta", "delta"], await NamesAsync(user, new { createdAt = new { @in = new[] { "2026-11-21T11:00:00Z", "2026-11-21T13:00:00Z" } } }));
        Assert.Equal(["alpha", "eps", "gamma"], await NamesAsync(user, new { createdAt = new { nin = new[] { "2026-11-21T11:00:00Z", "2026-11-21T13:00:00Z" } } }));
        Assert.Equal(["gamma"], await NamesAsync(user, new { statusChangedAt = new { gt = "2026-11-21T12:00:00Z", lt = "2026-11-21T12:00:01Z" } }));
    }

    [Fact]
    public async Task And_or_combine_conditions()
    {
        var user = await SeedAsync();
        Assert.Equal(["alpha", "eps"], await NamesAsync(user, new
        {
            or = new object[] { new { name = new { eq = "alpha" } }, new { status = new { eq = "FAILED" } } },
        }));
        Assert.Equal(["gamma"], await NamesAsync(user, new
        {
            and = new object[] { new { name = new { contains = "a" } }, new { createdAt = new { gt = "2026-11-21T11:30:00Z" } } },
            applicationKey = new { eq = "demo" },
        }));
        Assert.Equal(["beta", "delta"], await NamesAsync(user, new
        {
            name = new { or = new object[] { new { startsWith = "b" }, new { startsWith = "d" } } },
        }));
        // An empty list, or an entry that constrains nothing, keeps everything; the Staging row never shows.
        Assert.Equal(["alpha", "beta", "delta", "eps", "gamma"], await NamesAsync(user, new { or = Array.Empty<object>() }));
        Assert.Equal(["alpha", "beta", "delta", "eps", "gamma"], await NamesAsync(user, new { or = new object[] { new { }, new { name = new { eq = "x" } } } }));
    }

    [Fact]
    public async Task The_filter_is_SQL()
    {
        var user = await SeedAsync();
        string[] names = [];
        var sql = await fixture.CaptureSqlAsync(async () => names = await NamesAsync(user, new
        {
            or = new object[] { new { name = new { contains = "lph" } }, new { status = new { @in = new[] { "FAILED", "RUNNING" } } } },
            createdAt = new { gte = "2026-11-21T09:00:00Z" },
        }));
        Assert.Equal(["alpha", "eps", "gamma"], names);
        var query = Assert.Single(sql, command => command.Contains("-- experiments: page", StringComparison.Ordinal));
        // The caller's rows, never Staging, the filter, the order with the id last, and one row more than the page.
        var lines = query.Split('\n');
        var contains = TestDatabase.Provider == DatabaseProvider.Sqlite ? "instr(e.name, @Value) > 0" : "e.name LIKE @Value_contains";
        Assert.Equal(
            $"WHERE e.user_id = @UserId AND e.status <> 'staging' AND ({contains} OR e.status = @Value2 OR e.status = @Value3) AND e.created_at >= @Value4",
            Assert.Single(lines, line => line.StartsWith("WHERE ", StringComparison.Ordinal)));
        Assert.Contains("ORDER BY e.name, e.id", lines);
        Assert.Contains("LIMIT @p", lines);
    }

    [Fact]
    public async Task Deep_or_large_filters_are_refused()
    {
        var user = await fixture.NewUserAsync();
        object where = new { name = new { eq = "x" } };
        for (var i = 0; i < 12; i++)
        {
            where = new { and = new[] { where } };
        }

        var deep = await fixture.Http.PostAsync(List, new { where }, user.Token);
        Assert.Equal("BAD_USER_INPUT", deep.ErrorCode);
        Assert.Equal("The filter nests `and`/`or` more than 10 levels deep.", deep.ErrorMessage);

        var large = await fixture.Http.PostAsync(List, new { where = new { name = new { @in = Enumerable.Range(0, 300).Select(i => "n" + i).ToArray() } } }, user.Token);
        Assert.Equal("BAD_USER_INPUT", large.ErrorCode);
        Assert.Equal("The filter holds more than 200 conditions (operations and list items).", large.ErrorMessage);
        Assert.Empty(fixture.Server.Logs.Errors);
    }

    private static string Rfc3339(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
