using Ipp.Graph.Data;
using Ipp.Graph.Experiments.Entities;

namespace Ipp.Graph.Experiments.Live;

/// <summary>The bus of a server alone on its database (SQLite): committed events go straight to this process's hub.</summary>
public sealed class InProcessExperimentEventBus(ExperimentEventHub hub) : IExperimentEventBus
{
    public Task EnlistAsync(IppDbContext db, ExperimentEvent change, CancellationToken cancellationToken) => Task.CompletedTask;

    public void Committed(ExperimentEvent change) => hub.Publish(change);
}
