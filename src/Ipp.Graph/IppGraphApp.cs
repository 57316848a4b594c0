using Ipp.Graph.Accounts;
using Ipp.Graph.Administration;
using Ipp.Graph.Applications;
using Ipp.Graph.Authorization;
using Ipp.Graph.Data;
using Ipp.Graph.Deployment;
using Ipp.Graph.Experiments;
using Ipp.Graph.Experiments.Files;
using Ipp.Graph.GraphQL;
using Ipp.Graph.Groups;
using Ipp.Graph.Health;
using Ipp.Graph.Images;
using Ipp.Graph.Library;
using Ipp.Graph.Library.Download;
using Ipp.Graph.Mail;
using Ipp.Graph.Picas;
using Ipp.Graph.RateLimiting;
using Ipp.Graph.Ide;
using Ipp.Graph.Storage;
using Ipp.Graph.Storage.Blobs;
using Ipp.Graph.Telemetry;
using Ipp.Graph.Transport;
using Ipp.Graph.Transport.Http;
using Ipp.Graph.Transport.Multipart;

namespace Ipp.Graph;

/// <summary>
/// The composition root: registers each feature's services and maps its endpoints. Program.cs runs it; the tests
/// start the same application on a free port of 127.0.0.1 with their own settings.
/// </summary>
public static class IppGraphApp
{
    /// <summary>Builds the application from command-line arguments (and the usual appsettings and environment).</summary>
    /// <param name="args">Command-line arguments: <c>--urls</c>, <c>--Section:Key=value</c>.</param>
    /// <param name="configure">Last changes before building (the tests add a log capture).</param>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = CreateBuilder(args);
        builder.Services.AddDeployment(builder.Configuration);
        builder.Services.AddTelemetry(builder.Configuration);
        builder.Services.AddHealth(builder.Configuration);
        builder.Services.AddGraphQLServer(builder.Configuration);
        builder.Services.AddDatabase(builder.Configuration);
        builder.Services.AddRateLimiting(builder.Configuration);
        builder.Services.AddUploadFolder(builder.Configuration);
        builder.Services.AddBlobStore(builder.Configuration);
        builder.Services.AddAccounts(builder.Configuration);
        builder.Services.AddMail(builder.Configuration);
        builder.Services.AddOwnAccount(builder.Configuration);
        builder.Services.AddAccessPolicy(builder.Configuration);
        builder.Services.AddAdministration(builder.Configuration);
        builder.Services.AddApplications(builder.Configuration);
        builder.Services.AddGroups(builder.Configuration);
        builder.Services.AddExperiments(builder.Configuration);
        builder.Services.AddLibrary(builder.Configuration);
        builder.Services.AddPicas(builder.Configuration);
        builder.Services.AddImages(builder.Configuration);
        builder.Services.AddGraphQLHttp(builder.Configuration);
        builder.Services.AddMultipartUploads(builder.Configuration);
        builder.Services.AddGraphQLStreaming(builder.Configuration);
        builder.Services.AddIde(builder.Configuration);

        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseDeployment();
        app.UseAccounts();
        app.MapHealth();
        app.UseIde();
        app.MapGraphQLStreaming();
        app.MapGraphQLHttp();
        app.MapExperimentFiles();
        app.MapLibraryDownloads();
        return app;
    }

    /// <summary>
    /// A builder with the server's configuration (appsettings.json, the environment, <paramref name="args"/>), for the
    /// server and for its commands alike. The content root, where appsettings.json is read, is the server's own folder
    /// (the build or publish output, where the file is copied), not the working directory: `dotnet run` starts the
    /// server in the repository root, a deployment anywhere. Relative data paths (the database, UPLOAD_FOLDER) still
    /// resolve against the working directory.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(string[] args) =>
        WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
}
