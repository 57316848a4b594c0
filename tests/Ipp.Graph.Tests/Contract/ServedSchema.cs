using System.Text.Json;
using Ipp.Graph.Tests.Accounts;
using Ipp.Graph.Tests.Support;

namespace Ipp.Graph.Tests.Contract;

/// <summary>
/// The schema a running server serves, read through introspection over HTTP as a client's tooling reads it: every
/// type with its description, fields, arguments, input fields, enum values, interfaces and possible types.
/// </summary>
public sealed class ServedSchema : IAsyncLifetime
{
    private const string TypeRef = "kind name ofType { kind name ofType { kind name ofType { kind name } } }";

    private const string Query =
        "{ __schema { description queryType { name } mutationType { name } subscriptionType { name } "
        + "directives { name description args { name description } } "
        + "types { kind name description interfaces { name } possibleTypes { name } "
        + "enumValues(includeDeprecated: true) { name description } "
        + "inputFields(includeDeprecated: true) { name description type { " + TypeRef + " } } "
        + "fields(includeDeprecated: true) { name description type { " + TypeRef + " } args(includeDeprecated: true) { name description type { " + TypeRef + " } } } } } }";

    public RunningServer Server { get; private set; } = null!;

    /// <summary>The <c>__schema</c> object of the introspection result.</summary>
    public JsonElement Schema { get; private set; }

    public async Task InitializeAsync()
    {
        Server = await RunningServer.StartAsync();
        using var http = new GraphQLHttp(Server);
        Schema = (await http.PostAsync(Query)).Data("__schema");
    }

    public Task DisposeAsync() => Server.DisposeAsync().AsTask();

    /// <summary>Every type the schema defines besides introspection's own.</summary>
    public IEnumerable<JsonElement> Types => Schema.GetProperty("types").EnumerateArray().Where(t => !Name(t).StartsWith("__", StringComparison.Ordinal));

    /// <summary>The type of this name.</summary>
    public JsonElement Type(string name) => Schema.GetProperty("types").EnumerateArray().Single(t => Name(t) == name);

    /// <summary>The fields of a type (empty for types without fields).</summary>
    public static IEnumerable<JsonElement> Fields(JsonElement type) => List(type, "fields");

    /// <summary>The elements of a list property, none when it is null.</summary>
    public static IEnumerable<JsonElement> List(JsonElement element, string property) =>
        element.GetProperty(property) is { ValueKind: JsonValueKind.Array } list ? list.EnumerateArray() : [];

    public static string Name(JsonElement element) => element.GetProperty("name").GetString()!;

    /// <summary>A type reference as SDL writes it: <c>[Foo!]!</c>.</summary>
    public static string Print(JsonElement typeRef) => typeRef.GetProperty("kind").GetString() switch
    {
        "NON_NULL" => Print(typeRef.GetProperty("ofType")) + "!",
        "LIST" => "[" + Print(typeRef.GetProperty("ofType")) + "]",
        _ => Name(typeRef),
    };
}
