using System.Text.Json;
using System.Text.Json.Nodes;
using Ipp.Graph.Engine.Binding;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Engine.Language;
using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.Engine.Tests.Support;

namespace Ipp.Graph.Engine.Tests.Introspection;

/// <summary>
/// Runs one request on a schema built from SDL, with our engine and with graphql-js, and returns each response as
/// JSON. Both resolve fields the way graphql-js's defaults do: a field's value is the parent's property of the same
/// name, the root's parent is <c>rootValue</c>, an abstract type's value names its object type in <c>__typename</c>,
/// custom scalars take and give values as they are, and subscription fields have an empty event stream.
/// </summary>
internal static class Engines
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string GraphQLJs(string sdl, string query, string? variables = null, string? rootValue = null)
    {
        var input = new JsonObject
        {
            ["sdl"] = sdl,
            ["query"] = query,
            ["variables"] = variables is null ? null : JsonNode.Parse(variables),
            ["rootValue"] = rootValue is null ? null : JsonNode.Parse(rootValue),
        };
        return NodeRunner.Run("introspection/execute.js", input.ToJsonString(Json));
    }

    public static async Task<string> Ours(string sdl, string query, string? variables = null, string? rootValue = null)
    {
        var root = rootValue is null ? null : Support.Json.ToValue(rootValue);
        var builder = SchemaBuilder.FromSdl(sdl).UseDefaultResolver(context => new(Property(context.Parent ?? root, context.Field.Name)));
        var document = Parser.Parse(sdl);
        var subscriptionType = SubscriptionTypeName(document);
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case ObjectTypeDefinitionNode type when type.Name.Value == subscriptionType:
                    foreach (var field in type.Fields)
                    {
                        builder.Subscribe(type.Name.Value + "." + field.Name.Value, static _ => new(AsyncEnumerable.Empty<object?>()));
                    }

                    break;
                case InterfaceTypeDefinitionNode or UnionTypeDefinitionNode:
                    builder.ResolveType(((TypeDefinitionNode)definition).Name.Value, static (value, _) => Property(value, "__typename") as string);
                    break;
                case ScalarTypeDefinitionNode scalar:
                    builder.AddScalar(new SdlScalar(scalar.Name.Value));
                    break;
            }
        }

        var executor = new RequestExecutor(builder.Build());
        using var variablesDocument = variables is null ? null : JsonDocument.Parse(variables);
        var result = await executor.ExecuteAsync(
            new GraphQLRequest { Query = query, Variables = variablesDocument?.RootElement },
            new RequestContext());
        return result.ToJson();
    }

    private static string SubscriptionTypeName(DocumentNode document)
    {
        foreach (var definition in document.Definitions)
        {
            if (definition is SchemaDefinitionNode schema)
            {
                foreach (var operationType in schema.OperationTypes)
                {
                    if (operationType.Operation == OperationType.Subscription)
                    {
                        return operationType.Type.Name.Value;
                    }
                }
            }
        }

        return "Subscription";
    }

    private static object? Property(object? parent, string name) =>
        parent is IReadOnlyDictionary<string, object?> properties ? properties.GetValueOrDefault(name) : null;
}
