using Ipp.Graph.Engine.Binding;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Engine.Language;
using Ipp.Graph.Engine.Tests.Support;
using Ipp.Graph.Engine.Types;

namespace Ipp.Graph.Engine.Tests.Execution;

/// <summary>
/// Schemas from SDL whose fields read their parent's dictionary entry (as graphql-js's default resolver reads a
/// property), data written as JSON, and a way to run a query and get the response as JSON text.
/// </summary>
internal static class ExecutionHarness
{
    /// <summary>A field's value is the parent's entry of the same name (the root value's, for root fields).</summary>
    public static readonly FieldResolver ByKey = static context => new ValueTask<object?>(
        context.Parent is IReadOnlyDictionary<string, object?> map && map.TryGetValue(context.Field.Name, out var value) ? value : null);

    /// <summary>An abstract type's value names its object type in its <c>__typename</c> entry.</summary>
    public static readonly TypeResolver ByTypeName = static (value, _) =>
        value is IReadOnlyDictionary<string, object?> map && map.TryGetValue("__typename", out var name) ? name as string : null;

    /// <summary>A schema builder whose unbound fields resolve <see cref="ByKey"/>.</summary>
    public static SchemaBuilder Sdl(string sdl) => SchemaBuilder.FromSdl(sdl).UseDefaultResolver(ByKey);

    /// <summary>Runs a query with <see cref="Executor"/> (no validation, no caches) and returns the response as JSON.</summary>
    public static async Task<string> Run(
        Schema schema,
        string query,
        object? root = null,
        object? variables = null,
        string? operationName = null,
        RequestContext? context = null,
        EngineOptions? options = null)
    {
        var result = await Executor.ExecuteAsync(schema, Parser.Parse(query), operationName, variables, root, context, options);
        return result.ToJson();
    }

    /// <summary>JSON as the values resolvers return (see <see cref="Json.ToValue(string)"/>).</summary>
    public static object? Data(string json) => Json.ToValue(json);

    /// <summary>
    /// JSON written with single quotes for double quotes and backticks for escaped double quotes (inside strings),
    /// so expected responses read well in C# strings.
    /// </summary>
    public static string Q(string text) => text.Replace("`", "\\\"", StringComparison.Ordinal).Replace('\'', '"');
}
