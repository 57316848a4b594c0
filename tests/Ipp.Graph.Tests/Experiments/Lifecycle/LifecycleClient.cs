using System.Text.Json;
using Ipp.Graph.GraphQL;
using Ipp.Graph.Tests.Accounts;

namespace Ipp.Graph.Tests.Experiments.Lifecycle;

/// <summary><c>cancelExperiment</c>, <c>retryExperiment</c> and <c>deleteExperiment</c> over HTTP, as a user's client sends them.</summary>
public static class LifecycleClient
{
    public const string Cancel =
        "mutation($id: ID!) { cancelExperiment(input: {id: $id}) { experiment { id status statusChangedAt } "
        + "errors { __typename ... on Error { code message } ... on ExperimentNotFoundError { id } ... on ExperimentNotCancellableError { status } } } }";

    public const string Retry =
        "mutation($id: ID!) { retryExperiment(input: {id: $id}) { experiment { id status statusChangedAt } "
        + "errors { __typename ... on Error { code message } ... on ExperimentNotFoundError { id } ... on ExperimentNotRetryableError { status } ... on ExperimentBusyError { status } } } }";

    public const string Delete =
        "mutation($id: ID!) { deleteExperiment(input: {id: $id}) { deletedId errors { __typename ... on Error { code message } ... on ExperimentBusyError { status } } } }";

    public static Task<GraphQLResponse> CancelAsync(GraphQLHttp http, string token, long experimentId) =>
        http.PostAsync(Cancel, new { id = GlobalId.Encode("Experiment", experimentId) }, token);

    public static Task<GraphQLResponse> RetryAsync(GraphQLHttp http, string token, long experimentId) =>
        http.PostAsync(Retry, new { id = GlobalId.Encode("Experiment", experimentId) }, token);

    public static Task<GraphQLResponse> DeleteAsync(GraphQLHttp http, string token, long experimentId) =>
        http.PostAsync(Delete, new { id = GlobalId.Encode("Experiment", experimentId) }, token);

    /// <summary>The status of the experiment a successful cancel or retry answered.</summary>
    public static string? StatusOf(GraphQLResponse response, string field) =>
        response.Data(field).GetProperty("experiment").GetProperty("status").GetString();

    /// <summary>The code and status of the only payload error.</summary>
    public static (string? Code, string? Status) ErrorOf(GraphQLResponse response, string field)
    {
        var error = response.PayloadError(field);
        return (error.GetProperty("code").GetString(), error.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.String ? status.GetString() : null);
    }
}
