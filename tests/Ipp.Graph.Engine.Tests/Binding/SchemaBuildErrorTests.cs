using Ipp.Graph.Engine.Binding;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.Engine.Types;
using Ipp.Graph.Engine.Types.Scalars;

namespace Ipp.Graph.Engine.Tests.Binding;

/// <summary>One test per kind of problem that stops SchemaBuilder.Build, with its exact message and location.</summary>
public class SchemaBuildErrorTests
{
    private static readonly FieldResolver Null = _ => new ValueTask<object?>((object?)null);

    private static SchemaBuildException Fails(SchemaBuilder builder) => Assert.Throws<SchemaBuildException>(builder.Build);

    /// <summary>The single problem's message and its locations as "line:column", space-separated.</summary>
    private static (string Message, string Locations) Single(SchemaBuilder builder)
    {
        var problem = Assert.Single(Fails(builder).Problems);
        return (problem.Message, string.Join(" ", problem.Locations?.Select(l => $"{l.Line}:{l.Column}") ?? []));
    }

    private static SchemaBuilder Sdl(string sdl) => SchemaBuilder.FromSdl(sdl).UseDefaultResolver(Null);

    [Fact]
    public void Syntax_error()
    {
        Assert.Equal(("Syntax Error: Expected Name, found <EOF>.", "1:20"), Single(Sdl("type Query { a: Int")));
    }

    [Fact]
    public void Unknown_type_from_sdl_validation()
    {
        Assert.Equal(("Unknown type \"Usr\". Did you mean \"User\"?", "1:18"), Single(Sdl("type Query { me: Usr } type User { id: ID }")));
    }

    [Fact]
    public void Duplicate_type_from_sdl_validation()
    {
        Assert.Equal(("There can be only one type named \"Query\".", "1:6 1:28"), Single(Sdl("type Query { a: Int } type Query { b: Int }")));
    }

    [Fact]
    public void Extension_of_an_undefined_type()
    {
        Assert.Equal(
            ("Cannot extend type \"Nope\" because it is not defined.", "1:35"),
            Single(Sdl("type Query { a: Int } extend type Nope { b: Int }")));
    }

    [Fact]
    public void Type_system_rule_violation()
    {
        Assert.Equal(
            ("Interface field Node.id expected but User does not provide it.", "1:40 1:50"),
            Single(Sdl("type Query { a: Int } interface Node { id: ID! } type User implements Node { name: String }")));
    }

    [Fact]
    public void Missing_query_root()
    {
        Assert.Equal(("Query root type must be provided.", ""), Single(Sdl("type Mutation { a: Int }")));
    }

    [Fact]
    public void Root_type_that_is_not_an_object_type()
    {
        Assert.Equal(("Query root type must be Object type, it cannot be E.", "1:17"), Single(Sdl("schema { query: E } enum E { A }")));
    }

    [Fact]
    public void Union_member_that_is_not_an_object_type()
    {
        Assert.Equal(
            ("Union type U can only include Object types, it cannot include I.", "1:39"),
            Single(Sdl("type Query { a: U } union U = Query | I interface I { x: Int }")));
    }

    [Fact]
    public void Implementing_something_other_than_an_interface()
    {
        Assert.Equal(
            ("Type Query must only implement Interface types, it cannot implement U.", "1:23"),
            Single(Sdl("type Query implements U { a: Int } union U = Query")));
    }

    [Fact]
    public void Field_without_a_resolver()
    {
        Assert.Equal(("Field \"Query.me\" has no resolver.", "1:14"), Single(SchemaBuilder.FromSdl("type Query { me: String }")));
    }

    [Fact]
    public void Resolver_for_a_missing_field()
    {
        Assert.Equal(
            ("Resolver \"Query.nope\" names no field: type \"Query\" has no field \"nope\".", ""),
            Single(Sdl("type Query { me: String }").Resolve("Query.nope", Null)));
        Assert.Equal(
            "Resolver \"Query.mee\" names no field: type \"Query\" has no field \"mee\". Did you mean \"me\"?",
            Single(Sdl("type Query { me: String }").Resolve("Query.mee", Null)).Message);
    }

    [Fact]
    public void Resolver_for_a_missing_type()
    {
        Assert.Equal(
            "Resolver \"Qury.me\" names no field: there is no type \"Qury\". Did you mean \"Query\"?",
            Single(Sdl("type Query { me: String }").Resolve("Qury.me", Null)).Message);
    }

    [Fact]
    public void Resolver_coordinate_that_is_not_a_field_coordinate()
    {
        Assert.Equal(
            "Resolver \"Query\" is not a field coordinate such as \"Query.me\".",
            Single(Sdl("type Query { me: String }").Resolve("Query", Null)).Message);
    }

    [Fact]
    public void Resolver_for_a_type_that_is_not_an_object_type()
    {
        Assert.Equal(
            "Resolver \"Node.id\" names an interface field: bind it on the object types that implement \"Node\".",
            Single(Sdl("type Query { n: Node } interface Node { id: ID } type T implements Node { id: ID }").Resolve("Node.id", Null)).Message);
        Assert.Equal(
            "Resolver \"E.A\" names no field: \"E\" is an enum type, not an object type.",
            Single(Sdl("type Query { e: E } enum E { A }").Resolve("E.A", Null)).Message);
    }

    [Fact]
    public void Resolver_given_twice()
    {
        Assert.Equal(
            "Resolver \"Query.me\" is given twice.",
            Single(SchemaBuilder.FromSdl("type Query { me: String }").Resolve("Query.me", Null).Resolve("Query.me", Null)).Message);
    }

    [Fact]
    public void Subscriber_on_a_field_outside_the_subscription_type()
    {
        var subscriber = new SubscriptionResolver(_ => throw new InvalidOperationException());
        Assert.Equal(
            "Subscriber \"Query.me\" is not on the subscription type: only fields of \"Subscription\" have subscribers.",
            Single(Sdl("type Query { me: String } type Subscription { s: Int }")
                .Subscribe("Query.me", subscriber)
                .Subscribe("Subscription.s", subscriber)).Message);
        Assert.Equal(
            "Subscriber \"Query.me\" is not on the subscription type: the schema has none.",
            Single(Sdl("type Query { me: String }").Subscribe("Query.me", subscriber)).Message);
    }

    [Fact]
    public void Subscription_field_without_a_subscriber()
    {
        Assert.Equal(("Field \"Subscription.s\" has no subscriber.", "1:47"), Single(Sdl("type Query { me: String } type Subscription { s: Int }")));
    }

    [Fact]
    public void Type_resolver_for_a_missing_or_concrete_type()
    {
        Assert.Equal(
            "Type resolver \"Nod\" names no type. Did you mean \"Node\" or \"ID\"?",
            Single(Sdl("type Query { n: Node } interface Node { id: ID } type T implements Node { id: ID }").ResolveType("Nod", (_, _) => null)).Message);
        Assert.Equal(
            "Type resolver \"Query\" names an object type \"Query\": only interfaces and unions resolve types.",
            Single(Sdl("type Query { me: String }").ResolveType("Query", (_, _) => null)).Message);
    }

    private sealed class Person
    {
        public string Name => "n";

        public string Greeting(string language) => language;
    }

    [Fact]
    public void BindType_naming_a_missing_or_non_object_type()
    {
        Assert.Equal(
            "BindType<Person>(\"Persn\") names no type. Did you mean \"Person\"?",
            Single(Sdl("type Query { p: Person } type Person { name: String }").BindType<Person>("Persn")).Message);
        Assert.Equal(
            ("BindType<Person>(\"E\") names an enum type \"E\": only object types can be bound with BindType.", "1:21"),
            Single(Sdl("type Query { e: E } enum E { A }").BindType<Person>("E")));
    }

    [Fact]
    public void BindType_method_with_parameters_a_resolver_cannot_give()
    {
        Assert.Equal(
            ("Method Person.Greeting cannot resolve field \"Person.greeting\": its parameters may only be a ResolveContext and a CancellationToken.", "1:40"),
            Single(Sdl("type Query { p: Person } type Person { greeting: String }").BindType<Person>("Person")));
    }

    private enum Colour
    {
        Red,
        DeepBlue,
    }

    [Fact]
    public void BindEnum_value_matching_no_member()
    {
        Assert.Equal(
            ("Enum value \"Colour.GREEN\" matches no member of the .NET enum Colour: name a member \"GREEN\" or its PascalCase form.", "1:44"),
            Single(Sdl("type Query { c: Colour } enum Colour { RED GREEN DEEP_BLUE }").BindEnum<Colour>("Colour")));
        Assert.Equal(
            "BindEnum<Colour>(\"Query\") names an object type \"Query\": only enum types can be bound to .NET enums.",
            Single(Sdl("type Query { c: Int }").BindEnum<Colour>("Query")).Message);
    }

    private sealed class Point
    {
        public int X { get; set; }
    }

    private sealed class Strict(string name, int size)
    {
        public string Name => name;

        public int Size => size;
    }

    [Fact]
    public void BindInput_field_matching_no_member()
    {
        Assert.Equal(
            ("Input field \"P.y\" matches no constructor parameter or settable property of Point.", "1:46"),
            Single(Sdl("type Query { a(p: P): Int } input P { x: Int y: Int }").BindInput<Point>("P")));
    }

    [Fact]
    public void BindInput_field_of_an_unconvertible_type()
    {
        Assert.Equal(
            ("Input field \"P.x\" of type \"String\" cannot be converted to Int32 (the type of Point's member).", "1:39"),
            Single(Sdl("type Query { a(p: P): Int } input P { x: String }").BindInput<Point>("P")));
    }

    [Fact]
    public void BindInput_type_without_a_usable_constructor()
    {
        Assert.Equal(
            ("Strict cannot be built from input type \"S\": it needs a public constructor whose parameters each match a field (by camelCase name) or have a default value.", "1:29"),
            Single(Sdl("type Query { a(s: S): Int } input S { name: String }").BindInput<Strict>("S")));
    }

    [Fact]
    public void Scalar_without_an_implementation()
    {
        Assert.Equal(
            ("Scalar \"Money\" has no implementation: give one to SchemaBuilder.AddScalar.", "1:8"),
            Single(Sdl("scalar Money type Query { m: Money }")));
    }

    [Fact]
    public void Added_scalar_the_sdl_does_not_declare()
    {
        Assert.Equal(
            "Scalar \"UUID\" was given to AddScalar, but the SDL declares no scalar \"UUID\".",
            Single(Sdl("type Query { a: Int }").AddScalar(CustomScalars.UUID)).Message);
    }

    [Fact]
    public void Added_scalar_replacing_a_built_in_one()
    {
        Assert.Equal(
            "Scalar \"String\" is built in and cannot be replaced with AddScalar.",
            Single(Sdl("type Query { a: String }").AddScalar(new ReplacementString())).Message);
    }

    private sealed class ReplacementString() : ScalarType("String")
    {
        public override object Serialize(object value) => value;

        public override object ParseValue(object value) => value;

        public override object ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables) => "";
    }

    [Fact]
    public void Invalid_default_value()
    {
        Assert.Equal(
            ("Default value of \"Query.a(x:)\" is not a valid \"Int\": \"one\".", "1:25"),
            Single(Sdl("type Query { a(x: Int = \"one\"): Int }")));
    }

    private sealed class Shared
    {
        public string Name => "n";
    }

    [Fact]
    public void Abstract_type_that_cannot_tell_its_types_apart()
    {
        Assert.Equal(
            "\"Pet\" cannot tell \"Dog\" from \"Cat\": both are bound to Shared. Give \"Pet\" a type resolver with ResolveType.",
            Single(Sdl("type Query { p: Pet } type Dog { name: String } type Cat { name: String } union Pet = Dog | Cat")
                .BindType<Shared>("Dog")
                .BindType<Shared>("Cat")).Message);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_and_listed_in_the_message()
    {
        var exception = Fails(SchemaBuilder.FromSdl("""
            type Query {
              me: String
              you: Strin
            }
            """));
        Assert.Equal("The schema cannot be built: 1 problem.\n- Unknown type \"Strin\". Did you mean \"String\"? (at 3:8)", exception.Message);

        exception = Fails(SchemaBuilder.FromSdl("""
            type Query {
              me: String
              you: String
            }
            interface Empty
            """).Resolve("Query.nope", Null));
        Assert.Equal(
            """
            The schema cannot be built: 4 problems.
            - Type Empty must define one or more fields. (at 5:1)
            - Resolver "Query.nope" names no field: type "Query" has no field "nope".
            - Field "Query.me" has no resolver. (at 2:3)
            - Field "Query.you" has no resolver. (at 3:3)
            """,
            exception.Message);
    }
}
