using System.Linq.Expressions;

namespace Ipp.Graph.Data.Lists;

/// <summary>
/// A value placed in an expression tree so that EF Core sends it as a SQL parameter: EF turns a member read from a
/// captured object into a parameter (a bare constant would be written into the SQL text, and each distinct value
/// would compile and cache a query of its own).
/// </summary>
internal static class QueryParameter
{
    public static Expression Of<T>(T value) =>
        Expression.Property(Expression.Constant(new Box<T>(value)), nameof(Box<T>.Value));

    private sealed class Box<T>(T value)
    {
        public T Value { get; } = value;
    }
}
