namespace Ipp.Graph.Engine.Validation;

/// <summary>Options of <see cref="Validator.Validate(Types.Schema, Language.Ast.DocumentNode, ValidationOptions)"/>.</summary>
public sealed class ValidationOptions
{
    public static ValidationOptions Default { get; } = new();

    /// <summary>
    /// Validation stops after this many errors, adding one that says so (graphql-js's maxErrors); at least 1.
    /// </summary>
    public int MaxErrors { get; init; } = 100;

    /// <summary>Leave out the "Did you mean ...?" suggestions, which name parts of the schema (graphql-js's hideSuggestions).</summary>
    public bool HideSuggestions { get; init; }
}
