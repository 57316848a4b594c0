namespace Ipp.Graph.Experiments.Files;

/// <summary>The <c>ExperimentFile</c> type: a file of an experiment's folder.</summary>
/// <param name="Name">The path in the folder, parts joined by <c>/</c>.</param>
/// <param name="Parameter">The application parameter an input was uploaded for; null for outputs.</param>
/// <param name="Size">The size in bytes.</param>
/// <param name="DownloadUrl">The absolute URL of <c>GET /experiments/{id}/files/{path}</c>.</param>
public sealed record ExperimentFile(string Name, string? Parameter, long Size, string DownloadUrl);
