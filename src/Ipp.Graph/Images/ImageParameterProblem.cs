namespace Ipp.Graph.Images;

/// <summary>Why one parameter definition of an image is refused (the contract's <c>ImageParameterProblem</c>).</summary>
/// <param name="Parameter">The parameter's key as given; null when the problem is the list as a whole (too many).</param>
/// <param name="Code">What kind of problem: one of <see cref="ImagesErrorCodes"/>' parameter codes.</param>
/// <param name="Message">What is wrong, for a person.</param>
public sealed record ImageParameterProblem(string? Parameter, string Code, string Message);
