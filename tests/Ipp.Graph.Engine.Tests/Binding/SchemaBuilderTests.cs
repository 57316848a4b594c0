using System.Runtime.CompilerServices;
using Ipp.Graph.Engine.Binding;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.Engine.Tests.Support;
using Ipp.Graph.Engine.Types;
using Ipp.Graph.Engine.Types.Scalars;

namespace Ipp.Graph.Engine.Tests.Binding;

/// <summary>SchemaBuilder: what the SDL defines, how documents extend each other, and the bindings (checked by running queries).</summary>
public class SchemaBuilderTests
{
    private static readonly FieldResolver Null = _ => new ValueTask<object?>((object?)null);

    private static SchemaBuilder Sdl(string sdl) => SchemaBuilder.FromSdl(sdl).UseDefaultResolver(Null);

    private static async Task<string> Run(Schema schema, string query, object? variables = null, object? root = null)
    {
        var result = await new RequestExecutor(schema).ExecuteAsync(
            new GraphQLRequest { Query = query, Variables = variables },
            new RequestContext { RootValue = root });
        return result.ToJson();
    }

    private static FieldResolver Value(object? value) => _ => new ValueTask<object?>(value);

    [Fact]
    public void Builds_every_kind_of_type_with_descriptions()
    {
        var schema = Sdl("""
            "The root"
            type Query {
              "A field" node(id: ID!, "arg doc" first: Int = 10): Node
              search: [SearchResult!]!
            }
            interface Node { id: ID! }
            type User implements Node { id: ID! name: String }
            union SearchResult = User
            enum Role { ADMIN "plain user" MEMBER }
            input Filter { role: Role = MEMBER, names: [String!] }
            scalar Date
            """).AddScalar(new DateTimeScalar("Date")).Build();

        var query = Assert.IsType<ObjectType>(schema.GetType("Query"));
        Assert.Same(query, schema.Query);
        Assert.Equal("The root", query.Description);
        var node = query.GetField("node")!;
        Assert.Equal("A field", node.Description);
        Assert.Equal("Node", node.Type.ToString());
        Assert.Equal(["id", "first"], node.Arguments.Select(a => a.Name));
        Assert.Equal("ID!", node.Arguments[0].Type.ToString());
        Assert.Equal("arg doc", node.Arguments[1].Description);
        Assert.True(node.Arguments[1].HasDefaultValue);
        Assert.Equal(10, node.Arguments[1].DefaultValue);
        Assert.Equal("[SearchResult!]!", query.GetField("search")!.Type.ToString());
        var user = Assert.IsType<ObjectType>(schema.GetType("User"));
        Assert.Same(schema.GetType("Node"), Assert.Single(user.Interfaces));
        Assert.Equal([user], schema.GetPossibleTypes((IAbstractType)schema.GetType("Node")!));
        Assert.Equal([user], Assert.IsType<UnionType>(schema.GetType("SearchResult")).Types);
        var role = Assert.IsType<EnumType>(schema.GetType("Role"));
        Assert.Equal(["ADMIN", "MEMBER"], role.Values.Select(v => v.Name));
        Assert.Equal("MEMBER", role.Values[1].Value);
        Assert.Equal("plain user", role.Values[1].Description);
        var filter = Assert.IsType<InputObjectType>(schema.GetType("Filter"));
        Assert.Equal("MEMBER", filter.GetField("role")!.DefaultValue);
        Assert.Equal("[String!]", filter.GetField("names")!.Type.ToString());
        Assert.Equal("Date", schema.GetType("Date")!.Name);
        Assert.Same(SpecifiedScalars.ID, schema.GetType("ID"));
    }

    [Fact]
    public void Lists_types_in_graphql_js_order()
    {
        // graphql-js's order for this SDL (checked with node): each defined type in turn, followed by the built-in
        // scalars it is the first to use; then the directives' argument types and the introspection types.
        var schema = Sdl("""
            type B { a: A, f: Float }
            type Query { b: B, s: String }
            type A { i: Int }
            """).Build();
        Assert.Equal(
            ["B", "Float", "Query", "String", "A", "Int", "Boolean", "__Schema", "__Type", "__TypeKind", "__Field", "__InputValue", "__EnumValue", "__Directive", "__DirectiveLocation"],
            schema.TypeMap.Keys);
    }

    [Fact]
    public void Reads_deprecations_specified_by_and_one_of()
    {
        var schema = Sdl("""
            type Query {
              old: String @deprecated
              older(a: Int @deprecated(reason: "use b"), b: Int): String @deprecated(reason: "gone")
              kept: String @deprecated(reason: null)
            }
            enum E { A @deprecated(reason: "no A") B }
            input I @oneOf { a: Int, b: String @deprecated }
            scalar UUID @specifiedBy(url: "https://example.com/uuid")
            """).AddScalar(CustomScalars.UUID).Build();
        var query = schema.Query!;
        Assert.Equal("No longer supported", query.GetField("old")!.DeprecationReason);
        Assert.Equal("gone", query.GetField("older")!.DeprecationReason);
        Assert.Equal("use b", query.GetField("older")!.Arguments[0].DeprecationReason);
        Assert.Null(query.GetField("kept")!.DeprecationReason);
        Assert.Equal("no A", ((EnumType)schema.GetType("E")!).GetValue("A")!.DeprecationReason);
        var input = (InputObjectType)schema.GetType("I")!;
        Assert.True(input.IsOneOf);
        Assert.Equal("No longer supported", input.GetField("b")!.DeprecationReason);
        Assert.Equal("https://example.com/uuid", ((ScalarType)schema.GetType("UUID")!).SpecifiedByUrl);
    }

    [Fact]
    public void Uses_schema_definition_root_names_and_description()
    {
        var schema = Sdl("""
            "Described" schema { query: Root mutation: Change }
            type Root { a: Int }
            type Change { b: Int }
            type Query { unused: Int }
            """).Build();
        Assert.Equal("Root", schema.Query!.Name);
        Assert.Equal("Change", schema.Mutation!.Name);
        Assert.Null(schema.Subscription);
        Assert.Equal("Described", schema.Description);
        Assert.NotNull(schema.AstNode);
    }

    [Fact]
    public void Uses_default_root_names_without_a_schema_definition()
    {
        var schema = Sdl("type Query { a: Int } type Mutation { b: Int } type Subscription { c: Int }")
            .Subscribe("Subscription.c", _ => new ValueTask<IAsyncEnumerable<object?>>(AsyncEnumerable.Empty<object?>()))
            .Build();
        Assert.Equal(["Query", "Mutation", "Subscription"], new[] { schema.Query!.Name, schema.Mutation!.Name, schema.Subscription!.Name });
    }

    [Fact]
    public void Applies_extensions_of_every_kind_across_documents()
    {
        var schema = SchemaBuilder.FromSdl("""
                type Query { a: Int }
                interface Named { name: String }
                type Thing { id: ID }
                union U = Thing
                enum E { A }
                input I { x: Int }
                scalar Long
                """)
            .AddSdl("""
                extend type Query { b: String }
                extend type Thing implements Named { name: String }
                type Other { o: Int }
                extend union U = Other
                extend enum E { B }
                extend input I { y: String = "why" }
                extend scalar Long @specifiedBy(url: "https://example.com/long")
                extend schema { mutation: Mutation }
                type Mutation { m: Int }
                """)
            .AddScalar(CustomScalars.Long)
            .UseDefaultResolver(Null)
            .Build();
        Assert.Equal(["a", "b"], schema.Query!.Fields.Select(f => f.Name));
        var thing = (ObjectType)schema.GetType("Thing")!;
        Assert.Equal(["id", "name"], thing.Fields.Select(f => f.Name));
        Assert.Equal("Named", Assert.Single(thing.Interfaces).Name);
        Assert.Single(thing.ExtensionAstNodes);
        Assert.Equal(["Thing", "Other"], ((UnionType)schema.GetType("U")!).Types.Select(t => t.Name));
        Assert.Equal(["A", "B"], ((EnumType)schema.GetType("E")!).Values.Select(v => v.Name));
        var input = (InputObjectType)schema.GetType("I")!;
        Assert.Equal("why", input.GetField("y")!.DefaultValue);
        Assert.Equal("https://example.com/long", ((ScalarType)schema.GetType("Long")!).SpecifiedByUrl);
        Assert.Equal("Mutation", schema.Mutation!.Name);
        Assert.Single(schema.ExtensionAstNodes);
    }

    [Fact]
    public void Adds_the_specified_directives_after_custom_ones()
    {
        var schema = Sdl("""
            directive @auth(role: String = "user") repeatable on FIELD_DEFINITION | OBJECT
            type Query { a: Int @auth }
            """).Build();
        Assert.Equal(["auth", "include", "skip", "deprecated", "specifiedBy", "oneOf"], schema.Directives.Select(d => d.Name));
        var auth = schema.GetDirective("auth")!;
        Assert.True(auth.IsRepeatable);
        Assert.False(auth.IsBuiltIn);
        Assert.Equal([DirectiveLocation.FIELD_DEFINITION, DirectiveLocation.OBJECT], auth.Locations);
        Assert.Equal("user", auth.Arguments[0].DefaultValue);
        Assert.Same(Directives.Skip, schema.GetDirective("skip"));
    }

    [Fact]
    public void Coerces_default_values_of_every_shape()
    {
        var schema = Sdl("""
            input In { a: Int!, b: [Float] = 1, c: E = B }
            enum E { A B }
            type Query { f(x: In = {a: 1}, l: [Int] = 3, n: String = null): Int }
            """).Build();
        var field = schema.Query!.GetField("f")!;
        Assert.Equal(new Dictionary<string, object?> { ["a"] = 1, ["b"] = new object?[] { 1d }, ["c"] = "B" }, field.Arguments[0].DefaultValue);
        Assert.Equal(new object?[] { 3 }, field.Arguments[1].DefaultValue);
        Assert.True(field.Arguments[2].HasDefaultValue);
        Assert.Null(field.Arguments[2].DefaultValue);
        Assert.IsType<NullValueNode>(field.Arguments[2].DefaultValueLiteral);
    }

    [Fact]
    public void Argument_defaults_gain_input_field_defaults_whatever_the_definition_order()
    {
        var schema = Sdl("""
            type Query { f(x: Outer = {name: "def", inner: {level: 2}}): Int }
            input Outer { name: String, count: Int = 1, inner: Inner }
            input Inner { level: Int!, label: String = "nested" }
            """).Build();
        var expected = new Dictionary<string, object?>
        {
            ["name"] = "def",
            ["count"] = 1,
            ["inner"] = new Dictionary<string, object?> { ["level"] = 2, ["label"] = "nested" },
        };
        Assert.Equal(expected, schema.Query!.GetField("f")!.Arguments[0].DefaultValue);
    }

    [Fact]
    public async Task Resolves_fields_bound_by_coordinate()
    {
        var schema = SchemaBuilder.FromSdl("type Query { greeting(name: String = \"you\"): String! count: Int }")
            .Resolve("Query.greeting", context => new ValueTask<object?>("Hello, " + context.Arguments["name"]))
            .Resolve("Query.count", Value(3))
            .Build();
        Assert.Equal("""{"data":{"greeting":"Hello, Ada","count":3}}""", await Run(schema, "{ greeting(name: \"Ada\") count }"));
    }

    [Fact]
    public async Task Default_resolver_serves_unbound_fields()
    {
        var schema = SchemaBuilder.FromSdl("type Query { a: String b: String }")
            .Resolve("Query.a", Value("bound"))
            .UseDefaultResolver(context => new ValueTask<object?>("default " + context.Field.Name))
            .Build();
        Assert.Equal("""{"data":{"a":"bound","b":"default b"}}""", await Run(schema, "{ a b }"));
    }

    public sealed class User
    {
        public required string Id { get; init; }

        public string? DisplayName { get; init; }

        public Role Role { get; init; } = Role.Member;

        public int Secret => 42;

        public string Greet(ResolveContext context) => $"Hi from {context.Field.Name}";

        public Task<int> CountAsyncStyle() => Task.FromResult(7);

        public async Task<string> Later(CancellationToken token)
        {
            await Task.Yield();
            token.ThrowIfCancellationRequested();
            return "later";
        }

        public ValueTask<string[]> Tags(CancellationToken token, ResolveContext context) => new(["a", "b"]);
    }

    public enum Role
    {
        Admin,
        Member,
        SuperUser,
    }

    [Fact]
    public async Task BindType_resolves_properties_and_methods()
    {
        var schema = SchemaBuilder.FromSdl("""
                type Query { me: User }
                type User { id: ID! displayName: String role: Role! greet: String! countAsyncStyle: Int! later: String! tags: [String!]! }
                enum Role { ADMIN MEMBER SUPER_USER }
                """)
            .Resolve("Query.me", Value(new User { Id = "u1", DisplayName = "Ada", Role = Role.SuperUser }))
            .BindType<User>("User")
            .BindEnum<Role>("Role")
            .Build();
        Assert.Equal(
            """{"data":{"me":{"id":"u1","displayName":"Ada","role":"SUPER_USER","greet":"Hi from greet","countAsyncStyle":7,"later":"later","tags":["a","b"]}}}""",
            await Run(schema, "{ me { id displayName role greet countAsyncStyle later tags } }"));
    }

    [Fact]
    public async Task Explicit_resolvers_win_over_bound_members()
    {
        var schema = SchemaBuilder.FromSdl("type Query { me: User } type User { id: ID! secret: Int }")
            .Resolve("Query.me", Value(new User { Id = "u1" }))
            .BindType<User>("User")
            .Resolve("User.secret", Value(-1))
            .Build();
        Assert.Equal("""{"data":{"me":{"id":"u1","secret":-1}}}""", await Run(schema, "{ me { id secret } }"));
    }

    public sealed class Reading
    {
        public required string Name { get; init; }

        public int? Value { get; init; }

        /// <summary>Throws for a reading without a value, as a property computed from others may.</summary>
        public string Label => Value is { } value ? $"{Name}={value}" : throw new InvalidOperationException($"{Name} has no value");

        public Task<string> Later => Task.Run(() => Name + " later");

        public ValueTask<int> Soon => new(Name.Length);
    }

    /// <summary>
    /// Bound properties are read without the resolver's wrapping (no resolve context, no value task): their values,
    /// errors and null propagation must be exactly those of the same reads made by ordinary resolvers, in lists too.
    /// </summary>
    [Fact]
    public async Task Bound_properties_give_what_the_same_reads_as_resolvers_give_errors_and_nulls_included()
    {
        const string Sdl = """
            type Query { readings: [Reading!] labels: [Reading] one: Reading! }
            type Reading { name: String! value: Int label: String! later: String! soon: Int! }
            """;
        Reading[] readings = [new() { Name = "a", Value = 1 }, new() { Name = "b" }, new() { Name = "c", Value = 3 }];
        SchemaBuilder Roots(SchemaBuilder builder) => builder
            .Resolve("Query.readings", Value(readings))
            .Resolve("Query.labels", Value(readings))
            .Resolve("Query.one", Value(readings[1]));
        var bound = Roots(SchemaBuilder.FromSdl(Sdl)).BindType<Reading>("Reading").Build();
        var resolved = Roots(SchemaBuilder.FromSdl(Sdl))
            .Resolve("Reading.name", context => new(context.ParentAs<Reading>().Name))
            .Resolve("Reading.value", context => new(context.ParentAs<Reading>().Value))
            .Resolve("Reading.label", context => new(context.ParentAs<Reading>().Label))
            .Resolve("Reading.later", async context => await context.ParentAs<Reading>().Later)
            .Resolve("Reading.soon", async context => await context.ParentAs<Reading>().Soon)
            .Build();
        var reading = (ObjectType)bound.GetType("Reading")!;
        Assert.All(["name", "value", "label"], name => Assert.NotNull(reading.GetField(name)!.PropertyGetter));
        Assert.All(["later", "soon"], name => Assert.Null(reading.GetField(name)!.PropertyGetter));
        const string Query = "{ readings { name value label } labels { name label later soon } one { label } }";

        var expected = """
            {"errors":[{"message":"b has no value","locations":[{"line":1,"column":25}],"path":["readings",1,"label"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}},{"message":"b has no value","locations":[{"line":1,"column":47}],"path":["labels",1,"label"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}},{"message":"b has no value","locations":[{"line":1,"column":72}],"path":["one","label"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":null}
            """;
        Assert.Equal(expected, await Run(bound, Query));
        Assert.Equal(expected, await Run(resolved, Query));

        const string Partial = "{ readings { name value } labels { name label later soon } }";
        var partial = """
            {"errors":[{"message":"b has no value","locations":[{"line":1,"column":41}],"path":["labels",1,"label"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":{"readings":[{"name":"a","value":1},{"name":"b","value":null},{"name":"c","value":3}],"labels":[{"name":"a","label":"a=1","later":"a later","soon":1},null,{"name":"c","label":"c=3","later":"c later","soon":1}]}}
            """;
        Assert.Equal(partial, await Run(bound, Partial));
        Assert.Equal(partial, await Run(resolved, Partial));
    }

    /// <summary>A bound property read on a value of another .NET type fails as the resolver's cast does: a field error, not a crash.</summary>
    [Fact]
    public async Task A_bound_property_of_a_parent_of_another_type_is_a_field_error()
    {
        var schema = SchemaBuilder.FromSdl("type Query { me: User } type User { id: ID! }")
            .Resolve("Query.me", Value("not a user"))
            .BindType<User>("User")
            .Build();

        var json = await Run(schema, "{ me { id } }");

        Assert.StartsWith("""{"errors":[{"message":"Unable to cast object of type 'System.String' to type""", json);
        Assert.EndsWith(""" "path":["me","id"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":{"me":null}}""".TrimStart(), json);
    }

    [Fact]
    public void BindEnum_maps_values_to_members()
    {
        var schema = Sdl("type Query { r(role: Role = SUPER_USER): Role } enum Role { ADMIN Member SUPER_USER }").BindEnum<Role>("Role").Build();
        var role = (EnumType)schema.GetType("Role")!;
        Assert.Equal(typeof(Role), role.ClrType);
        Assert.Equal([Role.Admin, Role.Member, Role.SuperUser], role.Values.Select(v => v.Value));
        Assert.Equal("SUPER_USER", role.Serialize(Role.SuperUser));
        Assert.Equal(Role.SuperUser, schema.Query!.GetField("r")!.Arguments[0].DefaultValue);
    }

    [Fact]
    public async Task BindEnum_values_reach_resolvers_as_members_from_literals_variables_and_defaults()
    {
        var received = new List<object?>();
        var schema = SchemaBuilder.FromSdl("type Query { echo(role: Role = MEMBER): Role! } enum Role { ADMIN MEMBER SUPER_USER }")
            .BindEnum<Role>("Role")
            .Resolve("Query.echo", context =>
            {
                received.Add(context.Arguments["role"]);
                return new ValueTask<object?>(context.GetArgument<Role>("role"));
            })
            .Build();

        Assert.Equal(
            """{"data":{"literal":"SUPER_USER","variable":"ADMIN","defaulted":"MEMBER"}}""",
            await Run(
                schema,
                "query ($role: Role) { literal: echo(role: SUPER_USER) variable: echo(role: $role) defaulted: echo }",
                Json.Parse("""{"role": "ADMIN"}""")));
        Assert.Equal([Role.SuperUser, Role.Admin, Role.Member], received);
    }

    [Fact]
    public async Task A_bound_enum_field_accepts_members_and_value_names_and_refuses_anything_else()
    {
        var schema = SchemaBuilder.FromSdl("type Query { member: Role name: Role other: Role } enum Role { ADMIN MEMBER SUPER_USER }")
            .BindEnum<Role>("Role")
            .Resolve("Query.member", Value(Role.SuperUser))
            .Resolve("Query.name", Value("ADMIN"))
            .Resolve("Query.other", Value("nobody"))
            .Build();
        Assert.Equal(
            """{"errors":[{"message":"Enum \"Role\" cannot represent value: \"nobody\"","locations":[{"line":1,"column":15}],"path":["other"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":{"member":"SUPER_USER","name":"ADMIN","other":null}}""",
            await Run(schema, "{ member name other }"));
    }

    public sealed record Range(int From, int To);

    public sealed class Filter
    {
        public Filter(string text) => Text = text;

        public string Text { get; }

        public Role? Role { get; set; }

        public List<Range>? Ranges { get; init; }

        public long Limit { get; set; } = 5;

        public DateTime? Since { get; set; }

        public Guid Owner { get; set; }

        public IReadOnlyList<int?>? Numbers { get; set; }
    }

    [Fact]
    public async Task BindInput_builds_the_dotnet_value_from_arguments()
    {
        Filter? received = null;
        var schema = SchemaBuilder.FromSdl("""
                type Query { search(filter: Filter!): Int }
                input Filter { text: String!, role: Role, ranges: [Range!], limit: Int, since: DateTime, owner: ID, numbers: [Int] }
                input Range { from: Int!, to: Int! }
                enum Role { ADMIN MEMBER SUPER_USER }
                scalar DateTime
                """)
            .AddScalar(CustomScalars.DateTime)
            .BindInput<Filter>("Filter")
            .Resolve("Query.search", context =>
            {
                received = context.GetArgument<Filter>("filter");
                return new ValueTask<object?>(1);
            })
            .Build();

        Assert.Equal(
            """{"data":{"search":1}}""",
            await Run(schema, """{ search(filter: {text: "x", role: SUPER_USER, ranges: [{from: 1, to: 2}], limit: 9, since: "2026-11-21T14:44:00+01:00", owner: "5f0d7c6e-2b59-4f0c-9e43-0b6f3f1c2a10", numbers: [1, null]}) }"""));
        Assert.NotNull(received);
        Assert.Equal("x", received.Text);
        Assert.Equal(Role.SuperUser, received.Role);
        Assert.Equal([new Range(1, 2)], received.Ranges!);
        Assert.Equal(9L, received.Limit);
        Assert.Equal(new DateTime(2026, 11, 21, 13, 44, 0, DateTimeKind.Utc), received.Since);
        Assert.Equal(Guid.Parse("5f0d7c6e-2b59-4f0c-9e43-0b6f3f1c2a10"), received.Owner);
        Assert.Equal([1, null], received.Numbers!);

        var input = (InputObjectType)schema.GetType("Filter")!;
        Assert.Equal(typeof(Filter), input.ClrType);
        Assert.Equal(typeof(Range), ((InputObjectType)schema.GetType("Range")!).ClrType);
        Assert.Equal(typeof(Role), ((EnumType)schema.GetType("Role")!).ClrType);
    }

    [Fact]
    public void BindInput_keeps_property_initialisers_for_fields_not_given()
    {
        var schema = Sdl("type Query { a(f: Filter): Int } input Filter { text: String!, limit: Int }").BindInput<Filter>("Filter").Build();
        var input = (InputObjectType)schema.GetType("Filter")!;
        var filter = (Filter)input.Factory!(new Dictionary<string, object?> { ["text"] = "t" });
        Assert.Equal("t", filter.Text);
        Assert.Equal(5, filter.Limit);
        var withNull = (Filter)input.Factory!(new Dictionary<string, object?> { ["text"] = "t", ["limit"] = null });
        Assert.Equal(0, withNull.Limit);
    }

    public interface IAnimal
    {
        string Name { get; }
    }

    public sealed record Dog(string Name, bool Barks) : IAnimal;

    public record Cat(string Name) : IAnimal;

    public sealed record Lion(string Name) : Cat(Name);

    [Fact]
    public async Task Abstract_types_resolve_from_bound_clr_types_and_typename_entries()
    {
        var schema = SchemaBuilder.FromSdl("""
                type Query { animals: [Animal!]! pets: [Pet!]! }
                interface Animal { name: String! }
                type Dog implements Animal { name: String! barks: Boolean! }
                type Cat implements Animal { name: String! }
                union Pet = Dog | Cat
                """)
            .BindType<Dog>("Dog")
            .BindType<Cat>("Cat")
            .Resolve("Query.animals", Value(new object[] { new Dog("Rex", true), new Lion("Leo") }))
            .Resolve("Query.pets", Value(new object[]
            {
                new Dictionary<string, object?> { ["__typename"] = "Cat", ["name"] = "Tom" },
                new Dog("Fido", false),
            }))
            .Build();
        Assert.Equal(
            """{"data":{"animals":[{"__typename":"Dog","name":"Rex"},{"__typename":"Cat","name":"Leo"}],"pets":[{"__typename":"Cat"},{"__typename":"Dog"}]}}""",
            await Run(schema, "{ animals { __typename name } pets { __typename } }"));
    }

    [Fact]
    public async Task An_explicit_type_resolver_wins()
    {
        var schema = SchemaBuilder.FromSdl("""
                type Query { pet: Pet }
                type Dog { name: String }
                type Cat { name: String }
                union Pet = Dog | Cat
                """)
            .ResolveType("Pet", (_, _) => "Cat")
            .Resolve("Query.pet", Value(new Dictionary<string, object?> { ["__typename"] = "Dog", ["name"] = "x" }))
            .UseDefaultResolver(context => new ValueTask<object?>(((IReadOnlyDictionary<string, object?>)context.Parent!)[context.Field.Name]))
            .Build();
        Assert.Equal("""{"data":{"pet":{"__typename":"Cat","name":"x"}}}""", await Run(schema, "{ pet { __typename ... on Cat { name } } }"));
    }

    private static async IAsyncEnumerable<object?> Ticks([EnumeratorCancellation] CancellationToken token = default)
    {
        for (var i = 1; i <= 2; i++)
        {
            await Task.Yield();
            token.ThrowIfCancellationRequested();
            yield return i;
        }
    }

    [Fact]
    public async Task Subscription_fields_take_subscribers_and_default_to_the_event()
    {
        var schema = SchemaBuilder.FromSdl("type Query { a: Int } type Subscription { tick: Int! }")
            .Resolve("Query.a", Value(1))
            .Subscribe("Subscription.tick", _ => new ValueTask<IAsyncEnumerable<object?>>(Ticks()))
            .Build();
        Assert.NotNull(schema.Subscription!.GetField("tick")!.Subscriber);
        var result = await new RequestExecutor(schema).SubscribeAsync(new GraphQLRequest { Query = "subscription { tick }" }, new RequestContext());
        var events = new List<string>();
        await foreach (var item in result.Stream!)
        {
            events.Add(item.ToJson());
        }

        Assert.Equal(["""{"data":{"tick":1}}""", """{"data":{"tick":2}}"""], events);
    }

    [Fact]
    public void Scalars_from_AddScalar_take_the_sdl_description()
    {
        var schema = Sdl("\"When it happened\" scalar DateTime type Query { at: DateTime }").AddScalar(CustomScalars.DateTime).Build();
        var scalar = Assert.IsType<DateTimeScalar>(schema.GetType("DateTime"));
        Assert.Equal("When it happened", scalar.Description);
        Assert.Equal(DateTimeScalar.SpecificationUrl, scalar.SpecifiedByUrl);
    }

    [Fact]
    public void Built_in_scalar_names_may_be_declared_and_stay_built_in()
    {
        var schema = Sdl("scalar String type Query { a: String }").Build();
        Assert.Same(SpecifiedScalars.String, schema.GetType("String"));
    }
}
