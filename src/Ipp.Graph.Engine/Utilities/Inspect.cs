namespace Ipp.Graph.Engine.Utilities;

/// <summary>Describes a value in error messages the way graphql-js's inspect() does (<c>"abc"</c>, <c>{ a: 1 }</c>, <c>[1, 2]</c>).</summary>
public static class Inspect
{
    public static string Format(object? value) => throw new NotImplementedException();
}
