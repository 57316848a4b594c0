namespace Ipp.Graph.Engine.Types;

/// <summary>The scalars the spec defines; every schema has them available.</summary>
public static class Scalars
{
    public static ScalarType Int => throw new NotImplementedException();

    public static ScalarType Float => throw new NotImplementedException();

    public static ScalarType String => throw new NotImplementedException();

    public static ScalarType Boolean => throw new NotImplementedException();

    public static ScalarType ID => throw new NotImplementedException();

    /// <summary>The five above, in the spec's order.</summary>
    public static IReadOnlyList<ScalarType> Specified => throw new NotImplementedException();
}
