namespace Ipp.Graph.Transport.Http;

/// <summary>Puts <see cref="JsonErrorMiddleware"/> first in the pipeline, around routing and every other middleware.</summary>
internal sealed class JsonErrorStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<JsonErrorMiddleware>();
        next(app);
    };
}
