namespace Ipp.Graph.Engine.Utilities;

/// <summary>
/// Which optional parts <see cref="IntrospectionQuery.Get"/> asks for; the defaults are graphql-js's
/// (descriptions on, the newer fields off, nine levels of <c>ofType</c>).
/// </summary>
public sealed record IntrospectionOptions
{
    /// <summary>Ask for the descriptions of types, fields, arguments, enum values and directives.</summary>
    public bool Descriptions { get; init; } = true;

    /// <summary>Ask for <c>specifiedByURL</c> of scalars.</summary>
    public bool SpecifiedByUrl { get; init; }

    /// <summary>Ask for <c>isRepeatable</c> of directives.</summary>
    public bool DirectiveIsRepeatable { get; init; }

    /// <summary>Ask for the schema's own description (only together with <see cref="Descriptions"/>).</summary>
    public bool SchemaDescription { get; init; }

    /// <summary>Include deprecated arguments and input fields, and ask whether each is deprecated and why.</summary>
    public bool InputValueDeprecation { get; init; }

    /// <summary>Include deprecated directives, and ask whether each is deprecated and why (experimental in graphql-js).</summary>
    public bool ExperimentalDirectiveDeprecation { get; init; }

    /// <summary>Ask for <c>isOneOf</c> of input object types.</summary>
    public bool OneOf { get; init; }

    /// <summary>How many <c>ofType</c> levels a type reference follows (0 to 100): enough for the deepest wrapping in the schema.</summary>
    public int TypeDepth { get; init; } = 9;
}
