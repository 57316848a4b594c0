namespace Ipp.Graph.Transport.Multipart;

/// <summary>Registers the GraphQL multipart request reader that <c>POST /graphql</c> uses for <c>multipart/form-data</c> bodies.</summary>
public static class MultipartUploadExtensions
{
    /// <summary>The reader, its limits (section "Uploads") and the emptying of the incoming folder at start.</summary>
    public static IServiceCollection AddMultipartUploads(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(MultipartUploadOptions.Section).Get<MultipartUploadOptions>() ?? new MultipartUploadOptions();
        options.Validate();
        services.AddSingleton(options);
        services.AddSingleton<MultipartRequestReader>();
        services.AddHostedService<IncomingFolderCleanup>();
        return services;
    }
}
