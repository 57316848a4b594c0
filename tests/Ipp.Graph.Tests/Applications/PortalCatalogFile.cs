using Ipp.Graph.Engine.Tests.Support;

namespace Ipp.Graph.Tests.Applications;

/// <summary>
/// The IPP portal's real catalogue, <c>../shared/data/ipp-apps.json</c> beside the repository. It is read where it
/// is, never copied in. In a git worktree (a folder of its own) the repository is the main working tree the
/// worktree's <c>.git</c> file points into, so the file is looked for beside that one as well.
/// </summary>
public static class PortalCatalogFile
{
    private static readonly Lazy<string> PathValue = new(Find);

    /// <summary>The file's absolute path.</summary>
    public static string Path => PathValue.Value;

    private static string Find()
    {
        var candidates = new List<string> { RepositoryPaths.Combine("..", "shared", "data", "ipp-apps.json") };
        var gitFile = RepositoryPaths.Combine(".git");
        if (File.Exists(gitFile) && File.ReadAllText(gitFile).Trim() is var pointer && pointer.StartsWith("gitdir:", StringComparison.Ordinal))
        {
            // gitdir: <main>/.git/worktrees/<name>  ->  <main>/../shared/data/ipp-apps.json
            var mainGitFolder = new DirectoryInfo(pointer["gitdir:".Length..].Trim()).Parent?.Parent;
            if (mainGitFolder?.Parent is { } mainRoot)
            {
                candidates.Add(System.IO.Path.Combine(mainRoot.FullName, "..", "shared", "data", "ipp-apps.json"));
            }
        }

        foreach (var candidate in candidates)
        {
            if (File.Exists(candidate))
            {
                return System.IO.Path.GetFullPath(candidate);
            }
        }

        throw new FileNotFoundException("The IPP portal's catalogue is not beside the repository: looked at " + string.Join(", ", candidates));
    }
}
