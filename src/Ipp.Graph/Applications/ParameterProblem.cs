namespace Ipp.Graph.Applications;

/// <summary>Why a parameter is refused: INVALID_PARAMETERS lists these in <c>extensions.fields</c>.</summary>
/// <param name="Name">The parameter's name; <c>name</c> or <c>description</c> for the experiment's own; <c>parameters</c> when they are not an object.</param>
/// <param name="Message">What is wrong, for a person: "'k' must be an integer from 1 to 100".</param>
public sealed record ParameterProblem(string Name, string Message);
