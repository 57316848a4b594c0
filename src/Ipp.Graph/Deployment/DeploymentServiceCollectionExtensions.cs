using Microsoft.Net.Http.Headers;

namespace Ipp.Graph.Deployment;

/// <summary>
/// Where the server sits in a deployment (settings sections "Server", "ForwardedHeaders" and "Cors"): the URL clients
/// reach it at, the reverse proxies it believes, and the other origins whose pages may use it with the browser's
/// credentials.
/// </summary>
public static class DeploymentServiceCollectionExtensions
{
    /// <summary>
    /// The request headers a page of an allowed origin may send: those GraphQL clients send (the CSRF preflight
    /// headers of multipart requests, Apollo Client's) and the Bearer token.
    /// </summary>
    private static readonly string[] AllowedRequestHeaders =
    [
        HeaderNames.Accept,
        HeaderNames.Authorization,
        HeaderNames.ContentType,
        "GraphQL-Preflight",
        "Apollo-Require-Preflight",
        "X-Apollo-Operation-Name",
        "Apollographql-Client-Name",
        "Apollographql-Client-Version",
    ];

    /// <summary>How long a browser may reuse an answered preflight for the same request shape.</summary>
    private static readonly TimeSpan PreflightMaxAge = TimeSpan.FromMinutes(10);

    /// <summary>Reads and validates the three sections (a bad value stops the start) and registers what they configure.</summary>
    public static IServiceCollection AddDeployment(this IServiceCollection services, IConfiguration configuration)
    {
        var server = ServerSettings.Read(configuration);
        var forwarded = configuration.GetSection(ForwardedHeadersSettings.Section).Get<ForwardedHeadersSettings>() ?? new ForwardedHeadersSettings();
        forwarded.Validate();
        var cors = configuration.GetSection(CorsSettings.Section).Get<CorsSettings>() ?? new CorsSettings();
        cors.Validate();

        var origins = new BrowserOrigins(cors);
        services.AddSingleton(server);
        services.AddSingleton(forwarded);
        services.AddSingleton(origins);
        services.AddCors(options => options.AddDefaultPolicy(policy => policy
            // A predicate rather than WithOrigins: the answer then always carries Vary: Origin, even for one origin.
            .SetIsOriginAllowed(origins.Contains)
            .AllowCredentials()
            .WithMethods(HttpMethods.Get, HttpMethods.Post)
            .WithHeaders(AllowedRequestHeaders)
            .WithExposedHeaders(HeaderNames.RetryAfter)
            .SetPreflightMaxAge(PreflightMaxAge)));
        return services;
    }

    /// <summary>
    /// First in the pipeline: the trusted proxies' forwarded headers (when any proxy is trusted), so everything after
    /// sees the client's address, scheme, host and path base; then CORS (when other origins are allowed), which
    /// answers preflights itself and adds its headers for the allowed origins only.
    /// </summary>
    public static IApplicationBuilder UseDeployment(this IApplicationBuilder app)
    {
        var forwarded = app.ApplicationServices.GetRequiredService<ForwardedHeadersSettings>();
        if (forwarded.TrustsAnyProxy)
        {
            app.UseForwardedHeaders(forwarded.ToOptions());
        }

        if (!app.ApplicationServices.GetRequiredService<BrowserOrigins>().IsEmpty)
        {
            app.UseCors();
        }

        return app;
    }
}
