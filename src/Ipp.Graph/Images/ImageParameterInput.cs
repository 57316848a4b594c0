using Ipp.Graph.Applications;

namespace Ipp.Graph.Images;

/// <summary>
/// The <c>ImageParameterInput</c> input type: one parameter of an image, described as the catalogue describes its
/// fields (<see cref="ApplicationField"/>); <see cref="ImageParameters.Read"/> checks it.
/// </summary>
/// <param name="Default">The JSON scalar's value: null, or a string, long, double, Boolean, list or dictionary.</param>
public sealed record ImageParameterInput(
    string Name,
    ApplicationFieldType Type,
    string? Label,
    string? Help,
    bool Required,
    string? Group,
    object? Default,
    double? Min,
    double? Max,
    IReadOnlyList<ApplicationChoiceInput>? Choices);

/// <summary>The <c>ApplicationChoiceInput</c> input type: a value a SELECT parameter accepts.</summary>
public sealed record ApplicationChoiceInput(string Value, string? Label);
