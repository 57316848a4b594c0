using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Tags.Errors;

/// <summary>Another tag of the same kind (and owner) has the name (<c>TAG_NAME_TAKEN</c>).</summary>
public sealed class TagNameTakenError(string name) : MutationError($"Another tag is named '{name}' (names are compared without regard to case).")
{
    public override string Code => TagsErrorCodes.TagNameTaken;

    /// <summary>The name, trimmed.</summary>
    public string Name { get; } = name;
}
