namespace Ipp.Graph.Accounts;

/// <summary>
/// Whether an administrator let an account in (the <c>ApprovalState</c> enum of the schema). With
/// <c>Accounts:RequireApproval</c> a new account is <see cref="Pending"/>: it signs in but holds no permission until
/// it is approved; otherwise it is <see cref="Approved"/> from the start. Stored by its schema name
/// (<see cref="ApprovalStates"/>) in <c>users.approval</c>.
/// </summary>
/// <remarks>
/// <see cref="Approved"/> comes first: it is the column's default (the rows made before approval existed), and EF
/// Core leaves a value equal to the type's default to the column's default.
/// </remarks>
public enum ApprovalState
{
    /// <summary>Let in: holds what being signed in and its roles give.</summary>
    Approved,

    /// <summary>Waiting for an administrator: signs in, holds no permission.</summary>
    Pending,

    /// <summary>Refused by an administrator: cannot sign in.</summary>
    Denied,
}

/// <summary>The stored names of approval states: the schema's spelling of each.</summary>
public static class ApprovalStates
{
    public const string Pending = "PENDING";

    public const string Approved = "APPROVED";

    public const string Denied = "DENIED";

    public static string NameOf(ApprovalState state) => state switch
    {
        ApprovalState.Pending => Pending,
        ApprovalState.Approved => Approved,
        ApprovalState.Denied => Denied,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "No such approval state."),
    };

    /// <summary>The state a stored name names; a name this version does not know reads as <see cref="ApprovalState.Denied"/> (refuses, never lets in).</summary>
    public static ApprovalState Parse(string name) => name switch
    {
        Pending => ApprovalState.Pending,
        Approved => ApprovalState.Approved,
        _ => ApprovalState.Denied,
    };
}
