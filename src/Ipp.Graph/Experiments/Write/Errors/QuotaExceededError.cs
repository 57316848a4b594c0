using Ipp.Graph.GraphQL;
using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Experiments.Write.Errors;

/// <summary>
/// What a new experiment or library upload would store takes its user over their quota, which experiments and the
/// library share (<c>QUOTA_EXCEEDED</c>).
/// </summary>
/// <param name="what">What would be stored, as the message names it: "This experiment (its files, experiment.json and its texts)".</param>
public sealed class QuotaExceededError(string what, long maxBytes, long usedBytes, long requestedBytes) : MutationError(
    $"{what} needs {requestedBytes} bytes, which would take what you store over your quota of {maxBytes} bytes ({usedBytes} bytes already used). Delete experiments or library entries you no longer need.")
{
    public override string Code => ExperimentsErrorCodes.QuotaExceeded;

    public long MaxBytes { get; } = maxBytes;

    public long UsedBytes { get; } = usedBytes;

    public long RequestedBytes { get; } = requestedBytes;
}
