namespace Ipp.Graph.Engine.Error;

/// <summary>
/// The values of <c>extensions.code</c> the engine gives its errors. Clients branch on these, so they never change
/// once published. The names follow the conventions most GraphQL clients already know.
/// </summary>
public static class ErrorCodes
{
    /// <summary>The document is not valid GraphQL syntax.</summary>
    public const string ParseFailed = "GRAPHQL_PARSE_FAILED";

    /// <summary>The document breaks a validation rule against the schema.</summary>
    public const string ValidationFailed = "GRAPHQL_VALIDATION_FAILED";

    /// <summary>A variable or argument value could not be coerced to its type.</summary>
    public const string BadUserInput = "BAD_USER_INPUT";

    /// <summary>The request named no operation the document defines, or several exist and none was named.</summary>
    public const string OperationResolutionFailure = "OPERATION_RESOLUTION_FAILURE";

    /// <summary>A resolver failed in a way the engine cannot describe to the client.</summary>
    public const string InternalServerError = "INTERNAL_SERVER_ERROR";

    /// <summary>The document is longer than the configured number of characters.</summary>
    public const string DocumentTooLarge = "DOCUMENT_TOO_LARGE";

    /// <summary>The document has more tokens than the configured maximum.</summary>
    public const string MaxTokensExceeded = "MAX_TOKENS_EXCEEDED";

    /// <summary>Selections (or input values) nest deeper than the configured maximum.</summary>
    public const string MaxDepthExceeded = "MAX_DEPTH_EXCEEDED";

    /// <summary>The operation selects more fields, fragments expanded, than the configured maximum.</summary>
    public const string MaxFieldsExceeded = "MAX_FIELDS_EXCEEDED";

    /// <summary>The operation uses more aliases than the configured maximum.</summary>
    public const string MaxAliasesExceeded = "MAX_ALIASES_EXCEEDED";

    /// <summary>Execution ran longer than the configured time.</summary>
    public const string ExecutionTimeout = "EXECUTION_TIMEOUT";
}
