using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Accounts.Profile;

/// <summary>A profile field breaks a rule (<c>INVALID_PROFILE</c>): which field, and the most characters it may have.</summary>
public sealed class InvalidProfileError(string field, int maxLength, string message) : MutationError(message)
{
    public override string Code => ProfileErrorCodes.InvalidProfile;

    /// <summary>The field of <c>ProfileInput</c> at fault (<c>firstName</c>).</summary>
    public string Field { get; } = field;

    /// <summary>The most characters the field may have.</summary>
    public int MaxLength { get; } = maxLength;
}
