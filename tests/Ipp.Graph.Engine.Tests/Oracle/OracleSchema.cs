using Ipp.Graph.Engine.Binding;
using Ipp.Graph.Engine.Types;

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

        // The corpus never subscribes: graphql-js's graphql() runs a subscription's root fields once, like a query,
        // with the default field resolver. The builder requires a source stream for every subscription field, and
        // without a resolver of its own such a field would return the event itself.
        foreach (var field in new[] { "ticks", "news", "human" })
        {
            builder.Subscribe("Subscription." + field, _ => new ValueTask<IAsyncEnumerable<object?>>(AsyncEnumerable.Empty<object?>()));
            builder.Resolve("Subscription." + field, OracleResolvers.ByKey);
        }

        return builder.Build();
    }
}
