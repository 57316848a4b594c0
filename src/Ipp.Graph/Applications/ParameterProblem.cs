namespace Ipp.Graph.Applications;

/// <summary>Why a value of a new experiment is refused (the contract's <c>ParameterProblem</c>).</summary>
/// <param name="Name">Which value: a field's name; <c>name</c> or <c>description</c> for the experiment's own; <c>parameters</c> when they are not an object.</param>
/// <param name="Message">What is wrong, for a person: "'k' must be an integer from 1 to 100".</param>
public sealed record ParameterProblem(string Name, string Message);
