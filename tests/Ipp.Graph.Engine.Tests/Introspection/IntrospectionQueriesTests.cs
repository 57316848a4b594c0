namespace Ipp.Graph.Engine.Tests.Introspection;

/// <summary>
/// Hand-written introspection requests (<c>__type</c>, <c>__typename</c>, <c>__schema</c> parts, fragments, variables,
/// aliases, deprecation filters) give graphql-js's response on <see cref="RichSchema"/>, apart from the descriptions
/// of built-in types and directives.
/// </summary>
public sealed class IntrospectionQueriesTests
{
    private const string RootValue = """
        {
          "node": {
            "__typename": "Author", "id": "a1", "name": "Ann", "createdAt": "2020-01-01T00:00:00Z",
            "books": [{ "__typename": "Book", "id": "b1", "title": "GraphQL" }]
          },
          "search": [
            { "__typename": "Book", "id": "b1", "title": "GraphQL" },
            { "__typename": "Author", "id": "a1", "name": "Ann" }
          ],
          "book": { "id": "b2", "title": "Second", "reviews": [{ "stars": 5 }] },
          "addBook": { "id": "b3", "title": "New" }
        }
        """;

    private static readonly Dictionary<string, (string Query, string? Variables)> Requests = new()
    {
        ["__type of an object type"] = ("""
            {
              __type(name: "Book") {
                kind name specifiedByURL isOneOf
                fields { name isDeprecated deprecationReason type { kind name ofType { kind name } } args { name defaultValue } }
                interfaces { name kind } possibleTypes { name } enumValues { name } inputFields { name } ofType { name }
              }
            }
            """, null),
        ["__type of a missing name"] = ("""{ __type(name: "Missing") { name } missingToo: __type(name: "") { kind } }""", null),
        ["__type of an introspection type"] = ("""
            {
              __type(name: "__Type") {
                name kind
                fields(includeDeprecated: true) { name args { name type { name kind ofType { name kind } } defaultValue } type { kind name ofType { kind name ofType { kind name } } } }
              }
              kinds: __type(name: "__TypeKind") { enumValues { name isDeprecated } }
              locations: __type(name: "__DirectiveLocation") { enumValues(includeDeprecated: true) { name } }
            }
            """, null),
        ["__type of scalars"] = ("""
            {
              string: __type(name: "String") { kind name fields { name } inputFields { name } enumValues { name } interfaces { name } possibleTypes { name } ofType { name } isOneOf specifiedByURL }
              dateTime: __type(name: "DateTime") { kind name description specifiedByURL }
              json: __type(name: "Json") { kind name description specifiedByURL }
            }
            """, null),
        ["__type of interfaces and unions"] = ("""
            {
              node: __type(name: "Node") { kind possibleTypes { name } interfaces { name } fields { name } }
              entity: __type(name: "Entity") { kind description possibleTypes { name } interfaces { name } }
              union: __type(name: "SearchResult") { kind possibleTypes { name kind } interfaces { name } fields { name } }
              orphan: __type(name: "Orphan") { description possibleTypes { name } }
            }
            """, null),
        ["__type of enums and inputs with deprecation filters"] = ("""
            {
              currency: __type(name: "Currency") {
                active: enumValues { name description }
                all: enumValues(includeDeprecated: true) { name isDeprecated deprecationReason }
                explicitNull: enumValues(includeDeprecated: null) { name }
                explicitFalse: enumValues(includeDeprecated: false) { name }
              }
              query: __type(name: "Query") {
                fields { name args { name } allArgs: args(includeDeprecated: true) { name isDeprecated deprecationReason defaultValue } }
              }
              filter: __type(name: "BookFilter") {
                inputFields { name defaultValue }
                all: inputFields(includeDeprecated: true) { name isDeprecated deprecationReason }
              }
              author: __type(name: "Author") { fields { name } all: fields(includeDeprecated: true) { name isDeprecated deprecationReason } }
            }
            """, null),
        ["isOneOf and specifiedByURL"] = ("""
            {
              key: __type(name: "BookKey") { isOneOf inputFields { name type { kind name } } }
              filter: __type(name: "BookFilter") { isOneOf }
              book: __type(name: "Book") { isOneOf specifiedByURL }
              dateTime: __type(name: "DateTime") { specifiedByURL isOneOf }
            }
            """, null),
        ["wrapped types"] = ("""
            {
              __type(name: "Query") {
                fields { name type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }
              }
            }
            """, null),
        ["__schema parts"] = ("""
            {
              __schema {
                description
                queryType { name kind } mutationType { name } subscriptionType { name }
                types { name kind }
                directives { name description isRepeatable locations args { name defaultValue type { kind name ofType { kind name ofType { name } } } } allArgs: args(includeDeprecated: true) { name isDeprecated deprecationReason } isDeprecated deprecationReason }
                allDirectives: directives(includeDeprecated: true) { name }
              }
            }
            """, null),
        ["__type with a variable"] = ("""query ($name: String!) { __type(name: $name) { name kind interfaces { name } } }""", """{ "name": "Author" }"""),
        ["__typename on objects, interfaces, unions and the query root"] = ("""
            {
              __typename
              node(id: "a1") { __typename id ... on Author { name books { __typename title } } }
              search(text: "x") { __typename ... on Book { title } ... on Named { kind: __typename name } }
              book(key: { id: "b2" }) { __typename reviews { __typename stars } }
            }
            """, null),
        ["__typename on the mutation root"] = ("""mutation { __typename addBook(title: "New") { __typename id } }""", null),
        ["__typename on introspection objects"] = ("""
            {
              __schema { __typename queryType { __typename } directives { __typename args { __typename } } }
              __type(name: "Currency") { __typename enumValues { __typename } fields { __typename } }
              book: __type(name: "Book") { fields { __typename type { __typename } args { __typename } } }
            }
            """, null),
        ["introspection inside fragments"] = ("""
            query { ...Roots ... on Query { __type(name: "Review") { ...TypeName fields { name } } } }
            fragment Roots on Query {
              __schema { queryType { ...TypeName } mutationType { ...TypeName } subscriptionType { name } }
              ... { kind: __typename }
            }
            fragment TypeName on __Type { __typename name kind }
            """, null),
        ["aliases"] = ("""{ a: __typename b: __schema { c: queryType { d: name e: __typename } } f: __type(name: "Node") { g: name } }""", null),
    };

    public static TheoryData<string> RequestNames => [.. Requests.Keys];

    [Theory]
    [MemberData(nameof(RequestNames))]
    public async Task Gives_graphql_js_response(string request)
    {
        var (query, variables) = Requests[request];

        var expected = Engines.GraphQLJs(RichSchema.Sdl, query, variables, RootValue);
        Assert.DoesNotContain("\"errors\"", expected, StringComparison.Ordinal);

        var actual = await Engines.Ours(RichSchema.Sdl, query, variables, RootValue);
        Assert.Equal(BuiltInDescriptions.Blank(expected), BuiltInDescriptions.Blank(actual));
    }
}
