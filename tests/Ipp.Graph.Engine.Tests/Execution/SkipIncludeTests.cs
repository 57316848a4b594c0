using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Engine.Types;
using static Ipp.Graph.Engine.Tests.Execution.ExecutionHarness;

namespace Ipp.Graph.Engine.Tests.Execution;

/// <summary>@skip and @include on fields, fragment spreads and inline fragments, with literals and variables.</summary>
public sealed class SkipIncludeTests
{
    private static readonly Lazy<Schema> Letters = new(() => Sdl("type Query { a: String b: String o: O } type O { x: String y: String }").Build());

    private static readonly object? Root = Data("""{ "a": "A", "b": "B", "o": { "x": "X", "y": "Y" } }""");

    [Theory]
    [InlineData("{ a @skip(if: true) b }", "{'b':'B'}")]
    [InlineData("{ a @skip(if: false) b }", "{'a':'A','b':'B'}")]
    [InlineData("{ a @include(if: false) b }", "{'b':'B'}")]
    [InlineData("{ a @include(if: true) @skip(if: true) b }", "{'b':'B'}")]
    [InlineData("{ a @include(if: true) @skip(if: false) b }", "{'a':'A','b':'B'}")]
    [InlineData("{ ...F @skip(if: true) b } fragment F on Query { a }", "{'b':'B'}")]
    [InlineData("{ ... @include(if: false) { a } b }", "{'b':'B'}")]
    [InlineData("{ ... on Query @include(if: true) { a } b }", "{'a':'A','b':'B'}")]
    [InlineData("{ a @skip(if: true) a }", "{'a':'A'}")]
    public async Task Literal_conditions_decide_which_selections_exist(string query, string data)
    {
        var json = await Run(Letters.Value, query, Root);

        Assert.Equal(Q($"{{'data':{data}}}"), json);
    }

    [Theory]
    [InlineData(true, false, "{'b':'B','o':{'y':'Y'}}")]
    [InlineData(false, true, "{'a':'A','b':'B','o':{'x':'X','y':'Y'}}")]
    [InlineData(false, false, "{'a':'A','b':'B','o':{'y':'Y'}}")]
    public async Task Variable_conditions_decide_per_request(bool skip, bool include, string data)
    {
        var variables = new Dictionary<string, object?> { ["skip"] = skip, ["include"] = include };

        var json = await Run(
            Letters.Value,
            "query ($skip: Boolean!, $include: Boolean!) { a @skip(if: $skip) b o { x @include(if: $include) y } }",
            Root,
            variables);

        Assert.Equal(Q($"{{'data':{data}}}"), json);
    }

    [Fact]
    public async Task A_condition_variable_with_a_default_uses_it()
    {
        var json = await Run(Letters.Value, "query ($skip: Boolean = true) { a @skip(if: $skip) b }", Root);

        Assert.Equal(Q("{'data':{'b':'B'}}"), json);
    }

    [Theory]
    [InlineData("query ($s: Boolean) { a @skip(if: $s) b }", "{}", "Argument `if` of required type `Boolean!` was provided the variable `$s` which was not provided a runtime value.", 35)]
    [InlineData("query ($s: Boolean) { a @skip(if: $s) b }", """{ "s": null }""", "Argument `if` of non-null type `Boolean!` must not be null.", 35)]
    [InlineData("{ a @skip(if: \"yes\") b }", "{}", "Argument `if` has invalid value `yes`.", 15)]
    [InlineData("{ a @skip b }", "{}", "Argument `if` of required type `Boolean!` was not provided.", 5)]
    public async Task An_unusable_condition_of_a_root_selection_fails_the_whole_data(string query, string variables, string message, int column)
    {
        var json = await Run(Letters.Value, query, Root, Support.Json.Parse(variables));

        Assert.Equal(
            Q($"{{'errors':[{{'message':'{message}','locations':[{{'line':1,'column':{column}}}],'extensions':{{'code':'BAD_USER_INPUT'}}}}],'data':null}}"),
            json);
    }

    [Fact]
    public async Task An_unusable_condition_below_the_root_fails_the_field_owning_the_selection()
    {
        var json = await Run(Letters.Value, "query ($s: Boolean) { a o { x @include(if: $s) y } }", Root);

        Assert.Equal(
            Q("{'errors':[{'message':'Argument `if` of required type `Boolean!` was provided the variable `$s` which was not provided a runtime value.','locations':[{'line':1,'column':44}],'path':['o'],'extensions':{'code':'BAD_USER_INPUT'}}],'data':{'a':'A','o':null}}"),
            json);
    }

    [Fact]
    public async Task Plans_are_kept_per_combination_of_condition_values_and_reused()
    {
        var executor = new RequestExecutor(Letters.Value);
        const string Query = "query ($s: Boolean!) { a @skip(if: $s) o { x @skip(if: $s) y } }";

        async Task<string> Execute(bool skip) => (await executor.ExecuteAsync(
            new GraphQLRequest { Query = Query, Variables = new Dictionary<string, object?> { ["s"] = skip } },
            new RequestContext { RootValue = Root })).ToJson();

        Assert.Equal(Q("{'data':{'o':{'y':'Y'}}}"), await Execute(true));
        var afterFirst = executor.SelectionSetsCollected;
        Assert.Equal(Q("{'data':{'a':'A','o':{'x':'X','y':'Y'}}}"), await Execute(false));
        var afterSecond = executor.SelectionSetsCollected;
        Assert.Equal(Q("{'data':{'o':{'y':'Y'}}}"), await Execute(true));
        Assert.Equal(Q("{'data':{'a':'A','o':{'x':'X','y':'Y'}}}"), await Execute(false));

        Assert.Equal(2, afterFirst);
        Assert.Equal(4, afterSecond);
        Assert.Equal(4, executor.SelectionSetsCollected);
    }
}
