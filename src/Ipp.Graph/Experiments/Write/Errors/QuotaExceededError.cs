using Ipp.Graph.GraphQL;
using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Experiments.Write.Errors;

/// <summary>What a new experiment would store takes its user over their quota (<c>QUOTA_EXCEEDED</c>).</summary>
public sealed class QuotaExceededError(long maxBytes, long usedBytes, long requestedBytes) : MutationError(
    $"This experiment needs {requestedBytes} bytes (its files, experiment.json and its texts), which would take what you store over your quota of {maxBytes} bytes ({usedBytes} bytes already used). Delete experiments you no longer need.")
{
    public override string Code => ExperimentsErrorCodes.QuotaExceeded;

    public long MaxBytes { get; } = maxBytes;

    public long UsedBytes { get; } = usedBytes;

    public long RequestedBytes { get; } = requestedBytes;
}
