using System.Text.Json;

namespace Ipp.Graph.Applications;

/// <summary>A parameter of an application, as the catalogue defines it (the contract's <c>ApplicationField</c>).</summary>
public sealed record ApplicationField
{
    /// <summary>The parameter's name: its key in an experiment's parameters, or the parameter its files are given for.</summary>
    public required string Name { get; init; }

    public required ApplicationFieldType Type { get; init; }

    /// <summary>The parameter's name for people.</summary>
    public required string Label { get; init; }

    /// <summary>Help for people who fill it in; null when the catalogue gives none (or an empty text).</summary>
    public string? Help { get; init; }

    /// <summary>True when an experiment must give the parameter (for an attachment: at least one file).</summary>
    public bool Required { get; init; }

    /// <summary>The label of the group of fields the parameter is shown in.</summary>
    public required string Group { get; init; }

    /// <summary>
    /// The value used when an experiment gives none (the catalogue's <c>def</c>); for a SELECT the choice's value as
    /// text, since the IPP catalogue writes some as numbers while choice values are keys.
    /// </summary>
    public JsonElement? Default { get; init; }

    /// <summary>The smallest value: for STRING its length, for INTEGER and FLOAT its value, for ATTACHMENT the number of files.</summary>
    public double? Min { get; init; }

    /// <summary>The largest value, measured as <see cref="Min"/> is.</summary>
    public double? Max { get; init; }

    /// <summary>The values a SELECT accepts, in the catalogue's order; null for the other types.</summary>
    public IReadOnlyList<ApplicationChoice>? Choices { get; init; }

    /// <summary>True when <paramref name="value"/> is one of the <see cref="Choices"/>' values.</summary>
    public bool HasChoice(string value)
    {
        if (Choices is null)
        {
            return false;
        }

        foreach (var choice in Choices)
        {
            if (choice.Value == value)
            {
                return true;
            }
        }

        return false;
    }
}
