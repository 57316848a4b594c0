namespace Ipp.Graph.Applications;

/// <summary>
/// The <c>extensions.code</c> values of an experiment's application and parameters that do not fit the catalogue.
/// </summary>
public static class ApplicationsErrorCodes
{
    /// <summary>No application of the catalogue has this key.</summary>
    public const string ApplicationUnknown = "APPLICATION_UNKNOWN";

    /// <summary>The experiment's values break the application's definition; the error's <c>problems</c> list each.</summary>
    public const string InvalidParameters = "INVALID_PARAMETERS";
}
