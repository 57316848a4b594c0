using Ipp.Graph.Engine.Error;

namespace Ipp.Graph.Engine.Validation;

/// <summary>
/// Stops a validation run early (too many errors, work budget spent, document nested too deeply). The validator
/// catches it and returns the errors found so far, followed by <see cref="FinalError"/> when there is one.
/// </summary>
internal sealed class ValidationAbortedException : Exception
{
    public ValidationAbortedException(GraphQLError? finalError)
        : base(finalError?.Message ?? "Validation aborted.")
    {
        FinalError = finalError;
    }

    public GraphQLError? FinalError { get; }
}
