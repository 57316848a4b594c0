using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Engine.Utilities;

namespace Ipp.Graph.Experiments;

/// <summary>
/// TEMPORARY, while issue 4 is built in parallel: the contract's experiment fields that no feature binds yet answer
/// a NOT_IMPLEMENTED error, so the schema builds. Whoever binds a field removes it from these lists; the file goes
/// when the lists are empty.
/// </summary>
internal static class PendingFields
{
    private static readonly string[] Resolvers =
    [
        "Mutation.createExperiment", "Mutation.submitExperiment", "Mutation.deleteExperiment",
    ];

    public static void Bind(SchemaBuilder schema)
    {
        foreach (var coordinate in Resolvers)
        {
            schema.Resolve(coordinate, _ => throw NotImplemented(coordinate));
        }
    }

    private static GraphQLError NotImplemented(string coordinate) =>
        new($"{coordinate} is not implemented yet.", code: "NOT_IMPLEMENTED");
}
