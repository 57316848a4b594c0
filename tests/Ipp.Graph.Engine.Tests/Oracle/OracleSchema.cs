using Ipp.Graph.Engine.Types;
using Ipp.Graph.Engine.Utilities;

namespace Ipp.Graph.Engine.Tests.Oracle;

/// <summary>The oracle's schema (schema.graphql) built by our engine, with the oracle's resolvers over its data.</summary>
internal static class OracleSchema
{
    private static readonly Lazy<Schema> Built = new(Build);

    public static Schema Instance => Built.Value;

    private static Schema Build()
    {
        var data = OracleData.Root;
        var builder = SchemaBuilder.FromSdl(File.ReadAllText(OracleFiles.Schema)).UseDefaultResolver(OracleResolvers.ByKey);
        foreach (var (coordinate, resolver) in OracleResolvers.ByCoordinate(data))
        {
            builder.Resolve(coordinate, resolver);
        }

        return builder.Build();
    }
}
