namespace Ipp.Graph.Tags;

/// <summary>The <c>extensions.code</c> values of the tags' errors.</summary>
public static class TagsErrorCodes
{
    /// <summary>
    /// No tag the caller may use has this id: it does not exist, or it is another user's own tag (which answers
    /// exactly as one that does not exist).
    /// </summary>
    public const string TagNotFound = "TAG_NOT_FOUND";

    /// <summary>The caller has an own tag of this name already, or (for a custom tag) another custom tag has it; compared without regard to case.</summary>
    public const string TagNameTaken = "TAG_NAME_TAKEN";

    /// <summary>The name is empty, longer than <c>Tags:MaxNameLength</c>, or holds control characters.</summary>
    public const string InvalidTagName = "INVALID_TAG_NAME";

    /// <summary>The caller has as many own tags as <c>Tags:MaxPerUser</c> allows.</summary>
    public const string TagLimitReached = "TAG_LIMIT_REACHED";
}
