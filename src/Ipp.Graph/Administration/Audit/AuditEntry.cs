namespace Ipp.Graph.Administration.Audit;

/// <summary>
/// One administrative action (table <c>audit_log</c>): who did what to whom, when. The labels are copied as they were
/// at the time (an actor's email may change, a target may be deleted), and no foreign key ties a row to what it names:
/// the log outlives them.
/// </summary>
public sealed class AuditEntry
{
    /// <summary>The longest label or action name kept.</summary>
    public const int LabelMaxLength = 320;

    public long Id { get; set; }

    /// <summary>When the action was done (UTC).</summary>
    public DateTime OccurredAt { get; set; }

    /// <summary>The acting user's id; null when the operator's command line acted (<see cref="AuditActor.CommandLine"/>).</summary>
    public long? ActorId { get; set; }

    /// <summary>Who acted, as they were then: the user's email, or the command line's name.</summary>
    public required string ActorLabel { get; set; }

    /// <summary>What was done (<see cref="AuditActions"/>: <c>user.approve</c>, <c>role.grant</c>, ...).</summary>
    public required string Action { get; set; }

    /// <summary>The kind of object acted on, as the API names its type (<c>User</c>, <c>Group</c>).</summary>
    public required string TargetKind { get; set; }

    /// <summary>The object's id (its database key).</summary>
    public long TargetId { get; set; }

    /// <summary>The object as it was called then (a user's email, a group's name).</summary>
    public required string TargetLabel { get; set; }

    /// <summary>What else the action needs to be understood (a JSON object: <c>{"role":"ADMIN"}</c>); null when nothing.</summary>
    public string? DetailsJson { get; set; }
}
