namespace Ipp.Graph.Engine.Execution;

/// <summary>Produces a field's value. Return synchronously completed value tasks where you can: they cost nothing.</summary>
public delegate ValueTask<object?> FieldResolver(ResolveContext context);

/// <summary>Produces the source stream of a subscription field; each event is then executed as a response.</summary>
public delegate ValueTask<IAsyncEnumerable<object?>> SubscriptionResolver(ResolveContext context);

/// <summary>Names the object type of a value returned for an interface or union field; null when it cannot tell.</summary>
public delegate string? TypeResolver(object value, ResolveContext context);
