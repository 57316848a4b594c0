using Microsoft.AspNetCore.ResponseCompression;

namespace Ipp.Graph.Ide;

/// <summary>Registers and serves Banana Cake Pop at <c>/graphql</c> for browsers.</summary>
public static class IdeExtensions
{
    /// <summary>The IDE's settings (section "Ide") and, when it is enabled, its files.</summary>
    public static IServiceCollection AddIde(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(IdeSettings.Section).Get<IdeSettings>() ?? new IdeSettings();
        services.AddSingleton(settings);
        if (settings.Enabled)
        {
            services.AddSingleton(_ => IdeFiles.Load(settings));
            services.AddResponseCompression(options =>
            {
                // Only the IDE's static files pass through compression (see UseIde), none reflecting a secret.
                options.EnableForHttps = true;
                options.Providers.Add<BrotliCompressionProvider>();
                options.Providers.Add<GzipCompressionProvider>();
            });
        }

        return services;
    }

    /// <summary>
    /// Serves the IDE ahead of the GraphQL transports: its page for a browser's <c>GET /graphql</c>
    /// (<see cref="IdeRequests.IsPage"/>), its configuration and its static files under <c>/graphql/</c> (compressed
    /// with Brotli or gzip for clients that accept either).
    /// Every other request to <c>/graphql</c> passes on untouched. Nothing is served when <c>Ide:Enabled</c> is false.
    /// </summary>
    public static IApplicationBuilder UseIde(this IApplicationBuilder app)
    {
        if (app.ApplicationServices.GetService<IdeFiles>() is not { } files)
        {
            return app;
        }

        app.Use(next => context =>
        {
            var request = context.Request;
            return IdeRequests.IsPage(request) ? files.WritePageAsync(context)
                : IdeRequests.IsConfiguration(request) ? files.WriteConfigurationAsync(context)
                : next(context);
        });
        // The IDE's scripts are some 9 MB as npm ships them, about a quarter of that compressed.
        app.UseWhen(context => IdeRequests.IsStaticFile(context.Request), branch => branch.UseResponseCompression());
        app.UseStaticFiles(files.StaticFileOptions);
        return app;
    }
}
