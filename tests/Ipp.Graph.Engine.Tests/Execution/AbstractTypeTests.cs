using Ipp.Graph.Engine.Types;
using static Ipp.Graph.Engine.Tests.Execution.ExecutionHarness;

namespace Ipp.Graph.Engine.Tests.Execution;

/// <summary>Interfaces and unions: the runtime object type from the type resolver, or else from IsTypeOf, and graphql-js's messages when neither works.</summary>
public sealed class AbstractTypeTests
{
    private const string PetsSdl = """
        interface Pet { name: String! }
        type Dog implements Pet { name: String! barks: Boolean! }
        type Cat implements Pet { name: String! lives: Int! }
        type Robot { name: String! }
        union Thing = Dog | Robot
        type Query { pet: Pet things: [Thing] }
        """;

    [Fact]
    public async Task Without_a_type_resolver_the_possible_type_whose_IsTypeOf_accepts_the_value_is_used()
    {
        var schema = SchemaBuilder()
            .Resolve("Query.pet", _ => new(new CatValue("Tom", 9)))
            .Resolve("Query.things", _ => new(new object[] { new DogValue("Rex", true), new RobotValue("R2") }))
            .Build();
        ((InterfaceType)schema.GetType("Pet")!).ResolveType = null;
        ((UnionType)schema.GetType("Thing")!).ResolveType = null;
        SetIsTypeOf<DogValue>(schema, "Dog");
        SetIsTypeOf<CatValue>(schema, "Cat");
        SetIsTypeOf<RobotValue>(schema, "Robot");

        var json = await Run(schema, "{ pet { __typename name ... on Cat { lives } } things { __typename ... on Dog { barks } ... on Robot { name } } }");

        Assert.Equal(
            Q("{'data':{'pet':{'__typename':'Cat','name':'Tom','lives':9},'things':[{'__typename':'Dog','barks':true},{'__typename':'Robot','name':'R2'}]}}"),
            json);
    }

    [Fact]
    public async Task A_type_resolver_names_the_runtime_type()
    {
        var schema = SchemaBuilder()
            .ResolveType("Pet", (value, _) => value is DogValue ? "Dog" : "Cat")
            .Resolve("Query.pet", _ => new(new DogValue("Rex", false)))
            .Build();

        var json = await Run(schema, "{ pet { __typename ... on Dog { barks } } }");

        Assert.Equal(Q("{'data':{'pet':{'__typename':'Dog','barks':false}}}"), json);
    }

    [Theory]
    [InlineData(null, "Abstract type `Pet` must resolve to an Object type at runtime for field `Query.pet`. Either the `Pet` type should provide a `resolveType` function or each possible type should provide an `isTypeOf` function.")]
    [InlineData("Nope", "Abstract type `Pet` was resolved to a type `Nope` that does not exist inside the schema.")]
    [InlineData("String", "Abstract type `Pet` was resolved to a non-object type `String`.")]
    [InlineData("Robot", "Runtime Object type `Robot` is not a possible type for `Pet`.")]
    public async Task A_runtime_type_that_cannot_be_used_fails_the_field_with_graphql_js_messages(string? typeName, string message)
    {
        var schema = Sdl(PetsSdl)
            .ResolveType("Pet", (_, _) => typeName)
            .ResolveType("Thing", ByTypeName)
            .Resolve("Query.pet", _ => new(Data("""{ "name": "Rex" }""")))
            .Build();

        var json = await Run(schema, "{ pet { name } }");

        Assert.Equal(
            Q($"{{'errors':[{{'message':'{message}','locations':[{{'line':1,'column':3}}],'path':['pet'],'extensions':{{'code':'INTERNAL_SERVER_ERROR'}}}}],'data':{{'pet':null}}}}"),
            json);
    }

    /// <summary>
    /// The object type of a name the type resolver gave is remembered for the next value of the field: a different
    /// name, the same name in another string, and a name that is not a possible type, after valid ones, are each
    /// checked again.
    /// </summary>
    [Fact]
    public async Task Every_type_name_of_a_list_is_checked_whatever_the_names_before_it()
    {
        var schema = Sdl(PetsSdl)
            .ResolveType("Thing", (value, _) => value is IReadOnlyDictionary<string, object?> map ? new string(((string)map["kind"]!).AsSpan()) : "Dog")
            .Resolve("Query.things", _ => new(Data("""
                [{ "kind": "Dog", "barks": true }, { "kind": "Dog", "barks": false }, { "kind": "Robot", "name": "R2" },
                 { "kind": "Cat", "name": "Tom" }, { "kind": "Dog", "barks": true }, { "kind": "Nope" }, { "kind": "Robot", "name": "C3" }]
                """)))
            .Build();

        var json = await Run(schema, "{ things { __typename ... on Dog { barks } ... on Robot { name } } }");

        Assert.Equal(
            Q("{'errors':["
                + "{'message':'Runtime Object type `Cat` is not a possible type for `Thing`.','locations':[{'line':1,'column':3}],'path':['things',3],'extensions':{'code':'INTERNAL_SERVER_ERROR'}},"
                + "{'message':'Abstract type `Thing` was resolved to a type `Nope` that does not exist inside the schema.','locations':[{'line':1,'column':3}],'path':['things',5],'extensions':{'code':'INTERNAL_SERVER_ERROR'}}],"
                + "'data':{'things':[{'__typename':'Dog','barks':true},{'__typename':'Dog','barks':false},{'__typename':'Robot','name':'R2'},null,"
                + "{'__typename':'Dog','barks':true},null,{'__typename':'Robot','name':'C3'}]}}"),
            json);
    }

    /// <summary>A resolver giving one constant name for every value: remembered, and still wrong for an abstract type it does not belong to.</summary>
    [Fact]
    public async Task A_constant_type_name_that_is_not_a_possible_type_fails_every_value()
    {
        var schema = Sdl(PetsSdl)
            .ResolveType("Thing", (_, _) => "Cat")
            .Resolve("Query.things", _ => new(Data("""[{ "name": "a" }, { "name": "b" }]""")))
            .Build();

        var json = await Run(schema, "{ things { __typename } }");

        Assert.Equal(
            Q("{'errors':["
                + "{'message':'Runtime Object type `Cat` is not a possible type for `Thing`.','locations':[{'line':1,'column':3}],'path':['things',0],'extensions':{'code':'INTERNAL_SERVER_ERROR'}},"
                + "{'message':'Runtime Object type `Cat` is not a possible type for `Thing`.','locations':[{'line':1,'column':3}],'path':['things',1],'extensions':{'code':'INTERNAL_SERVER_ERROR'}}],"
                + "'data':{'things':[null,null]}}"),
            json);
    }

    [Fact]
    public async Task A_value_the_resolved_types_IsTypeOf_rejects_fails_with_graphql_js_message()
    {
        var schema = SchemaBuilder()
            .ResolveType("Pet", (_, _) => "Dog")
            .Resolve("Query.pet", _ => new(Data("""{ "name": "Tom" }""")))
            .Build();
        SetIsTypeOf<DogValue>(schema, "Dog");

        var json = await Run(schema, "{ pet { name } }");

        Assert.Equal(
            Q("{'errors':[{'message':'Expected value of type `Dog` but got: { name: `Tom` }.','locations':[{'line':1,'column':3}],'path':['pet'],'extensions':{'code':'INTERNAL_SERVER_ERROR'}}],'data':{'pet':null}}"),
            json);
    }

    [Fact]
    public async Task A_throwing_type_resolver_fails_the_field_with_its_message()
    {
        var schema = SchemaBuilder()
            .ResolveType("Pet", (_, _) => throw new InvalidOperationException("cannot tell"))
            .Resolve("Query.pet", _ => new(new DogValue("Rex", true)))
            .Build();

        var json = await Run(schema, "{ pet { name } }");

        Assert.Equal(
            Q("{'errors':[{'message':'cannot tell','locations':[{'line':1,'column':3}],'path':['pet'],'extensions':{'code':'INTERNAL_SERVER_ERROR'}}],'data':{'pet':null}}"),
            json);
    }

    [Fact]
    public async Task The_type_resolver_sees_the_fields_context()
    {
        string? seen = null;
        var schema = SchemaBuilder()
            .ResolveType("Pet", (_, context) =>
            {
                seen = $"{context.ParentType.Name}.{context.Field.Name} at {string.Join('/', context.Path)}";
                return "Dog";
            })
            .Resolve("Query.pet", _ => new(new DogValue("Rex", true)))
            .Build();

        await Run(schema, "{ mine: pet { name } }");

        Assert.Equal("Query.pet at mine", seen);
    }

    /// <summary>The schema builder recognises bound types in its own type resolvers; IsTypeOf is set here to test the executor's use of it.</summary>
    private static void SetIsTypeOf<T>(Schema schema, string typeName) => ((ObjectType)schema.GetType(typeName)!).IsTypeOf = value => value is T;

    private static Engine.Binding.SchemaBuilder SchemaBuilder() =>
        Sdl(PetsSdl).BindType<DogValue>("Dog").BindType<CatValue>("Cat").BindType<RobotValue>("Robot");

    private sealed record DogValue(string Name, bool Barks);

    private sealed record CatValue(string Name, int Lives);

    private sealed record RobotValue(string Name);
}
