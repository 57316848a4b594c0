using Ipp.Graph.Applications;
using Ipp.Graph.Data;
using Ipp.Graph.Engine.Error;
using Ipp.Graph.GraphQL;
using Ipp.Graph.Storage;

namespace Ipp.Graph.Experiments.Write;

/// <summary>The errors the experiment mutations answer with, each with its <c>extensions.code</c>.</summary>
public static class ExperimentErrors
{
    /// <summary>No experiment of the caller has this id: a missing one and another user's look the same.</summary>
    public static GraphQLError NotFound(string id) =>
        new($"You have no experiment with id '{id}'.", code: ServerErrorCodes.ExperimentNotFound);

    public static GraphQLError NotEditable(ExperimentStatus status) =>
        new($"Only a draft (EDITING) can be submitted; this experiment is {ApiName(status)}.", code: ServerErrorCodes.ExperimentNotEditable);

    public static GraphQLError Busy(ExperimentStatus status) =>
        new(
            $"The experiment is {ApiName(status)}: the backend may be working on it, so it cannot be deleted until it is COMPLETED or FAILED.",
            code: ServerErrorCodes.ExperimentBusy);

    /// <summary>Storing <paramref name="newBytes"/> more (<see cref="Storage.UserStoredBytes"/>) would take the user over the quota.</summary>
    public static GraphQLError QuotaExceeded(long maxBytes, long usedBytes, long newBytes) =>
        new(
            $"This experiment needs {newBytes} bytes (its files, experiment.json and its texts), which would take what you store over your quota of {maxBytes} bytes ({usedBytes} bytes already used). Delete experiments you no longer need.",
            code: ServerErrorCodes.QuotaExceeded,
            extensions: new Dictionary<string, object?> { ["maxBytes"] = maxBytes, ["usedBytes"] = usedBytes, ["requestedBytes"] = newBytes });

    /// <summary>The user keeps <paramref name="maxExperiments"/> experiments, the most allowed.</summary>
    public static GraphQLError LimitReached(int maxExperiments) =>
        new(
            $"You already have {maxExperiments} experiments, the most you may keep. Delete experiments you no longer need.",
            code: ServerErrorCodes.ExperimentLimitReached,
            extensions: new Dictionary<string, object?> { ["maxExperiments"] = maxExperiments });

    /// <summary>The folders could not be written; what failed is in the log (<see cref="StorageUnavailableException.Log"/>), never in the error.</summary>
    public static GraphQLError StorageUnavailable() =>
        new(StorageUnavailableException.ClientMessage, code: ServerErrorCodes.StorageUnavailable);

    public static GraphQLError ApplicationUnknown(string key) =>
        new($"No application has the key '{key}'.", code: ServerErrorCodes.ApplicationUnknown);

    /// <summary>The values break the application's definition: one {name, message} per problem in <c>extensions.fields</c>.</summary>
    public static GraphQLError InvalidParameters(IReadOnlyList<ParameterProblem> problems)
    {
        var fields = new object?[problems.Count];
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = new Dictionary<string, object?> { ["name"] = problems[i].Name, ["message"] = problems[i].Message };
        }

        var messages = new string[problems.Count];
        for (var i = 0; i < messages.Length; i++)
        {
            messages[i] = problems[i].Message;
        }

        var message = "The experiment's values are invalid: " + string.Join("; ", messages) + ".";
        return new GraphQLError(message, code: ServerErrorCodes.InvalidParameters, extensions: new Dictionary<string, object?> { ["fields"] = fields });
    }

    /// <summary>A status as the API writes it: <c>SUBMITTED</c>.</summary>
    private static string ApiName(ExperimentStatus status) => status.ToName().ToUpperInvariant();
}
