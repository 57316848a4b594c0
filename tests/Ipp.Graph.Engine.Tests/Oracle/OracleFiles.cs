using Ipp.Graph.Engine.Tests.Support;

namespace Ipp.Graph.Engine.Tests.Oracle;

/// <summary>Where the oracle's shared files live: the schema, the data and the corpus.</summary>
internal static class OracleFiles
{
    /// <summary>The folder of this test area (read from the sources, so both engines see the same files).</summary>
    public static string Folder { get; } = RepositoryPaths.Combine("tests", "Ipp.Graph.Engine.Tests", "Oracle");

    public static string Schema => Path.Combine(Folder, "schema.graphql");

    public static string Data => Path.Combine(Folder, "data.json");

    public static string Corpus => Path.Combine(Folder, "corpus");
}
