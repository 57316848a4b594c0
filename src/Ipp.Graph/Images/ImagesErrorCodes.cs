namespace Ipp.Graph.Images;

/// <summary>
/// The <c>extensions.code</c> values of the image mutations' errors, and the codes of the problems an
/// <c>InvalidImageParametersError</c> lists.
/// </summary>
public static class ImagesErrorCodes
{
    /// <summary>No image the caller may change has this id (it never existed, was deleted, or is not theirs to see).</summary>
    public const string ImageNotFound = "IMAGE_NOT_FOUND";

    /// <summary>Experiments on the image wait or run (SUBMITTED or RUNNING): it cannot be deleted until they end.</summary>
    public const string ImageInUse = "IMAGE_IN_USE";

    /// <summary>Another image has this name (compared without regard to case and surrounding spaces).</summary>
    public const string ImageNameTaken = "IMAGE_NAME_TAKEN";

    /// <summary>Another image has this path (compared exactly).</summary>
    public const string ImagePathTaken = "IMAGE_PATH_TAKEN";

    /// <summary>The name is empty, longer than <c>Images:MaxNameLength</c>, or holds control characters.</summary>
    public const string InvalidImageName = "INVALID_IMAGE_NAME";

    /// <summary>
    /// The path is no known scheme's reference nor an absolute <c>.sif</c> path, holds a character outside the
    /// allowed set (white space, quotes, shell metacharacters), a <c>..</c> segment or one starting with <c>-</c>, or is
    /// longer than <c>Images:MaxPathLength</c>.
    /// </summary>
    public const string InvalidImagePath = "INVALID_IMAGE_PATH";

    /// <summary>Some parameter definitions are refused; the error's <c>problems</c> list each with one of the codes below.</summary>
    public const string InvalidImageParameters = "INVALID_IMAGE_PARAMETERS";

    /// <summary>A problem of <c>INVALID_IMAGE_PARAMETERS</c>: more parameters than <c>Images:MaxParameters</c>.</summary>
    public const string TooManyParameters = "TOO_MANY_IMAGE_PARAMETERS";

    /// <summary>A problem of <c>INVALID_IMAGE_PARAMETERS</c>: the key is not a safe identifier, or is reserved.</summary>
    public const string InvalidParameterKey = "INVALID_PARAMETER_KEY";

    /// <summary>A problem of <c>INVALID_IMAGE_PARAMETERS</c>: two parameters have the same key (without regard to case).</summary>
    public const string DuplicateParameterKey = "DUPLICATE_PARAMETER_KEY";

    /// <summary>A problem of <c>INVALID_IMAGE_PARAMETERS</c>: a label, help, group or choice is too long or holds control characters.</summary>
    public const string InvalidParameterText = "INVALID_PARAMETER_TEXT";

    /// <summary>A problem of <c>INVALID_IMAGE_PARAMETERS</c>: min above max, a count that is not whole, or a range on a SELECT.</summary>
    public const string InvalidParameterRange = "INVALID_PARAMETER_RANGE";

    /// <summary>A problem of <c>INVALID_IMAGE_PARAMETERS</c>: a SELECT without choices or with a repeated or empty value, or choices on another type.</summary>
    public const string InvalidParameterChoices = "INVALID_PARAMETER_CHOICES";

    /// <summary>A problem of <c>INVALID_IMAGE_PARAMETERS</c>: the default breaks the parameter's own type, range or choices, or is given for an ATTACHMENT.</summary>
    public const string InvalidParameterDefault = "INVALID_PARAMETER_DEFAULT";
}
