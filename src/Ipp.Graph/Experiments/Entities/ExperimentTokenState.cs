namespace Ipp.Graph.Experiments.Entities;

/// <summary>Where the token of an experiment that runs through the PiCaS pool is (column <c>token_state</c>).</summary>
public enum ExperimentTokenState
{
    /// <summary>In the server's outbox (<c>picas_outbox</c>), not yet seen in the pool.</summary>
    Queued,

    /// <summary>The pool holds it: its changes feed or a view showed it.</summary>
    InPool,
}
