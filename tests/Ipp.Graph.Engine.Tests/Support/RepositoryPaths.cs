namespace Ipp.Graph.Engine.Tests.Support;

/// <summary>Locates files of the repository from the test binaries' folder.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The folder holding Ipp.sln.</summary>
    public static string Root => RootPath.Value;

    /// <summary>A path relative to the repository root.</summary>
    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Ipp.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Ipp.sln not found above " + AppContext.BaseDirectory);
    }
}
