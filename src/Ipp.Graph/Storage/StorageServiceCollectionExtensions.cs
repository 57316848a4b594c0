using Ipp.Graph.Deployment;
using Ipp.Graph.Health;

namespace Ipp.Graph.Storage;

/// <summary>
/// Registers the <see cref="UploadFolder"/> named by the <c>UPLOAD_FOLDER</c> setting, with this instance's working
/// folders (<c>Server:InstanceId</c>), and the readiness check that it takes new files.
/// </summary>
public static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddUploadFolder(this IServiceCollection services, IConfiguration configuration)
    {
        var root = configuration[UploadFolder.SettingName] is { Length: > 0 } configured ? configured : UploadFolder.DefaultPath;
        var instanceId = ServerSettings.Read(configuration).InstanceName;
        services.AddSingleton<IReadinessCheck, UploadFolderReadiness>();
        return services.AddSingleton(_ =>
        {
            var folder = new UploadFolder(root, instanceId);
            folder.EnsureCreated();
            return folder;
        });
    }
}
