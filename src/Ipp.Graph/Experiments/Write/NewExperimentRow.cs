using Ipp.Graph.Experiments.Entities;

namespace Ipp.Graph.Experiments.Write;

/// <summary>
/// The row a <c>createExperiment</c> starts from, whichever way the experiment reaches the cluster (its folder, or a
/// token: <c>Experiments/Tokens</c> adds what a token needs): Staging, so nothing shows it until its creation is
/// recorded.
/// </summary>
internal static class NewExperimentRow
{
    /// <param name="parametersJson">The parameters as validated and normalised.</param>
    /// <param name="inputs">The rows of its files.</param>
    public static Experiment Of(long userId, CreateExperimentInput input, string parametersJson, DateTime now, IEnumerable<ExperimentInput> inputs)
    {
        var experiment = new Experiment
        {
            UserId = userId,
            ApplicationKey = input.Application,
            Name = input.Name,
            Description = input.Description,
            ParametersJson = parametersJson,
            Status = ExperimentStatus.Staging,
            StatusChangedAt = now,
            CreatedAt = now,
            MailWhenDone = input.MailWhenDone,
        };
        experiment.Inputs.AddRange(inputs);
        return experiment;
    }
}
