using Ipp.Graph.Engine.Execution;

namespace Ipp.Graph.GraphQL;

/// <summary>The server's services as resolvers reach them.</summary>
public static class ResolveContextExtensions
{
    /// <summary>The service of type <typeparamref name="T"/> from the request's services.</summary>
    public static T Service<T>(this ResolveContext context)
        where T : notnull =>
        (context.Request.Services ?? throw new InvalidOperationException("The request context carries no services."))
            .GetRequiredService<T>();
}
