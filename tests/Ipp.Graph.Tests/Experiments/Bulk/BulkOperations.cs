using System.Text.Json;
using Ipp.Graph.Data;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Tests.Experiments.Bulk;

/// <summary>The bulk mutations on experiments as the tests send them, and what their results say, item by item.</summary>
public static class BulkOperations
{
    private const string Errors = "errors { __typename ... on Error { code message } ";

    private const string TagResults =
        "results { id experiment { id status tags { name } } " + Errors + "... on ExperimentNotFoundError { id } ... on TagNotFoundError { id } } } "
        + Errors + "... on TagNotFoundError { id } ... on BulkLimitExceededError { maxItems } }";

    public const string Tag =
        "mutation($experiments: [ID!]!, $tags: [ID!]!) { tagExperiments(input: {experiments: $experiments, tags: $tags}) { " + TagResults + " } }";

    public const string Untag =
        "mutation($experiments: [ID!]!, $tags: [ID!]!) { untagExperiments(input: {experiments: $experiments, tags: $tags}) { " + TagResults + " } }";

    public const string Delete =
        "mutation($ids: [ID!]!) { deleteExperiments(input: {ids: $ids}) { results { id deletedId " + Errors
        + "... on ExperimentNotFoundError { id } ... on ExperimentBusyError { status } } } " + Errors + "... on BulkLimitExceededError { maxItems } } } }";

    public const string Cancel =
        "mutation($ids: [ID!]!) { cancelExperiments(input: {ids: $ids}) { results { id experiment { status } " + Errors
        + "... on ExperimentNotFoundError { id } ... on ExperimentNotCancellableError { status } } } " + Errors + "... on BulkLimitExceededError { maxItems } } } }";

    public const string Retry =
        "mutation($ids: [ID!]!) { retryExperiments(input: {ids: $ids}) { results { id experiment { status } " + Errors
        + "... on ExperimentNotFoundError { id } ... on ExperimentNotRetryableError { status } ... on ExperimentBusyError { status } } } "
        + Errors + "... on BulkLimitExceededError { maxItems } } } }";

    /// <summary>Each result as (the id named, the code of its error or null when it succeeded).</summary>
    public static (string? Id, string? Code)[] Outcomes(JsonElement payload)
    {
        Assert.Equal(JsonValueKind.Null, payload.GetProperty("errors").ValueKind);
        return [.. payload.GetProperty("results").EnumerateArray().Select(result => (result.GetProperty("id").GetString(), Code(result)))];
    }

    /// <summary>The tag names of each result's experiment (empty for one that failed).</summary>
    public static string?[][] TagNames(JsonElement payload) =>
        [.. payload.GetProperty("results").EnumerateArray().Select(result => result.GetProperty("experiment").ValueKind == JsonValueKind.Null
            ? []
            : result.GetProperty("experiment").GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("name").GetString()).ToArray())];

    /// <summary>The tag ids on each experiment of the database, by experiment id.</summary>
    public static async Task<Dictionary<long, long[]>> ExperimentTagsAsync(RunningServer server)
    {
        await using var db = await server.Services.GetRequiredService<IDbContextFactory<IppDbContext>>().CreateDbContextAsync();
        return (await db.Set<ExperimentTag>().AsNoTracking().ToListAsync())
            .GroupBy(t => t.ExperimentId)
            .ToDictionary(g => g.Key, g => g.Select(t => t.TagId).Order().ToArray());
    }

    private static string? Code(JsonElement result)
    {
        var errors = result.GetProperty("errors");
        return errors.ValueKind == JsonValueKind.Null ? null : Assert.Single(errors.EnumerateArray()).GetProperty("code").GetString();
    }
}
