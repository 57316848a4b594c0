using Ipp.Graph.Accounts;

namespace Ipp.Graph.Experiments.Lifecycle;

/// <summary>The reasons the lifecycle's events give (<c>ExperimentStatusChangedEvent.reason</c>): who did it, and what became of a running job.</summary>
public static class LifecycleReasons
{
    /// <summary>A cancel that withdrew the experiment before the backend took it.</summary>
    public static string Cancelled(SignedInCaller caller) => "cancelled by " + caller.Email;

    /// <summary>A cancel of an experiment whose job runs: it goes on, and its end is noted apart (<see cref="CancelledJobs"/>).</summary>
    public static string CancelledWhileRunning(SignedInCaller caller) => $"cancelled by {caller.Email} while its job ran (the job goes on)";

    /// <summary>A retry: the experiment is submitted again.</summary>
    public static string Retried(SignedInCaller caller) => "retried by " + caller.Email;
}
