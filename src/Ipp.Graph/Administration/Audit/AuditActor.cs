using Ipp.Graph.Accounts;

namespace Ipp.Graph.Administration.Audit;

/// <summary>Who does an administrative action: a signed-in user (id and email at the time), or the operator's command line.</summary>
public sealed record AuditActor(long? UserId, string Label)
{
    /// <summary>The operator's <c>users …</c> commands (<c>UsersCommand</c>), who sign in as nobody.</summary>
    public static AuditActor CommandLine { get; } = new(null, "command line");

    public static AuditActor Of(SignedInCaller caller) => new(caller.UserId, caller.Email);
}

/// <summary>What an administrative action is done to: its kind (the API's type name), key and label at the time.</summary>
public sealed record AuditTarget(string Kind, long Id, string Label)
{
    public static AuditTarget User(long id, string email) => new("User", id, email);

    public static AuditTarget Group(long id, string name) => new(Groups.GroupView.TypeName, id, name);
}
