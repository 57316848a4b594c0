using System.Text.RegularExpressions;
using Ipp.Graph.Engine.Tests.Support;

namespace Ipp.Graph.Engine.Tests.Conventions;

/// <summary>
/// A source file's namespace is its folder: the project's root namespace, then one segment per folder below the
/// project (<c>src/Ipp.Graph.Engine/Execution/Planning/PlanBuilder.cs</c> is in <c>Ipp.Graph.Engine.Execution.Planning</c>),
/// in the engine and in the server alike, so a type is found where its namespace says.
/// </summary>
public sealed partial class NamespaceTests
{
    /// <summary>
    /// Server files (relative to src/Ipp.Graph, with forward slashes) whose namespace is not yet their folder's while
    /// they are being moved; empty it as they move, so the rule holds there without exceptions too.
    /// </summary>
    private static readonly string[] ServerFilesNotYetInPlace = [];

    [Fact]
    public void Every_engine_file_declares_its_folders_namespace() =>
        AssertNone(Misplaced(RepositoryPaths.Combine("src", "Ipp.Graph.Engine"), "Ipp.Graph.Engine"));

    [Fact]
    public void Every_server_file_declares_its_folders_namespace() =>
        AssertNone(Misplaced(RepositoryPaths.Combine("src", "Ipp.Graph"), "Ipp.Graph").Except(ServerFilesNotYetInPlace));

    [Fact]
    public void A_file_in_another_namespace_than_its_folders_is_reported()
    {
        var project = Directory.CreateTempSubdirectory("namespace-tests-");
        try
        {
            Write(project, "Program.cs", "return 0;");
            Write(project, "Root.cs", "namespace Demo;");
            Write(project, "Rooms/Room.cs", "namespace Demo.Rooms;");
            Write(project, "Rooms/Inner/Parent.cs", "using System;\n\nnamespace Demo.Rooms;");
            Write(project, "Rooms/Inner/Blocks.cs", "namespace Demo.Rooms.Inner\n{\n}\n\nnamespace Demo.Other\n{\n}");
            Write(project, "Rooms/None.cs", "class None;");
            Write(project, "obj/Generated.cs", "namespace Elsewhere;");

            Assert.Equal(["Rooms/Inner/Blocks.cs", "Rooms/Inner/Parent.cs", "Rooms/None.cs"], Misplaced(project.FullName, "Demo"));
        }
        finally
        {
            project.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The files below <paramref name="projectFolder"/> (build output left out) that declare a namespace other than
    /// their folder's, or none; the project's Program.cs may declare none (top-level statements cannot have one).
    /// </summary>
    private static List<string> Misplaced(string projectFolder, string rootNamespace)
    {
        var files = Directory.EnumerateFiles(projectFolder, "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(projectFolder, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(relative => !relative.StartsWith("bin/", StringComparison.Ordinal) && !relative.StartsWith("obj/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(files);

        return files.Where(relative =>
        {
            var declared = NamespaceDeclaration().Matches(File.ReadAllText(Path.Combine(projectFolder, relative)))
                .Select(match => match.Groups[1].Value)
                .ToList();
            var slash = relative.LastIndexOf('/');
            var expected = slash < 0 ? rootNamespace : rootNamespace + "." + relative[..slash].Replace('/', '.');
            return declared.Count == 0 ? relative != "Program.cs" : declared.Any(name => name != expected);
        }).ToList();
    }

    /// <summary>Fails naming every misplaced file (xunit's collection assertions show only the first few).</summary>
    private static void AssertNone(IEnumerable<string> misplaced)
    {
        var files = misplaced.ToList();
        Assert.True(files.Count == 0, "Not in their folder's namespace:\n" + string.Join('\n', files));
    }

    private static void Write(DirectoryInfo project, string relative, string text)
    {
        var path = Path.Combine(project.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    [GeneratedRegex(@"^\s*namespace\s+([\w.]+)", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();
}
