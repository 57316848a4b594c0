namespace Ipp.Graph.Engine.Types.Scalars;

/// <summary>The scalars the spec defines; every schema has them available.</summary>
public static class SpecifiedScalars
{
    public static ScalarType Int { get; } = new IntScalar();

    public static ScalarType Float { get; } = new FloatScalar();

    public static ScalarType String { get; } = new StringScalar();

    public static ScalarType Boolean { get; } = new BooleanScalar();

    public static ScalarType ID { get; } = new IdScalar();

    /// <summary>The five above, in the spec's order.</summary>
    public static IReadOnlyList<ScalarType> Specified { get; } = [Int, Float, String, Boolean, ID];

    /// <summary>True for one of the five built-in scalars, matched by name as graphql-js's isSpecifiedScalarType does.</summary>
    public static bool IsSpecified(NamedType type) => type is ScalarType && TryGet(type.Name, out _);

    /// <summary>The built-in scalar of that name.</summary>
    public static bool TryGet(string name, out ScalarType scalar)
    {
        scalar = name switch
        {
            "Int" => Int,
            "Float" => Float,
            "String" => String,
            "Boolean" => Boolean,
            "ID" => ID,
            _ => null!,
        };
        return scalar is not null;
    }
}
