using System.Text.Json;
using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Engine.Language;
using Ipp.Graph.Engine.Types;
using static Ipp.Graph.Engine.Tests.Execution.ExecutionHarness;

namespace Ipp.Graph.Engine.Tests.Execution;

/// <summary>
/// Variables and arguments as graphql-js's values.js coerces them: defaults, explicit null against absent, lists
/// from single values, and its messages (code BAD_USER_INPUT). Variables arrive as JSON or as dictionaries.
/// </summary>
public sealed class VariableAndArgumentTests
{
    private static readonly Lazy<Schema> Echo = new(() => Sdl("""
            input Point { x: Int! y: Int = 0 }
            enum Color { RED GREEN }
            type Query { echo(i: Int, s: String, l: [Int], p: Point, c: Color, req: Int!, d: Int = 7, nl: [Int!]): String }
            """)
        .Resolve("Query.echo", context => new(JsonSerializer.Serialize(context.Arguments)))
        .Build());

    [Theory]
    [InlineData("query ($i: Int!) { echo(req: $i) }", "{}", "Variable `$i` of required type `Int!` was not provided.")]
    [InlineData("query ($i: Int!) { echo(req: $i) }", """{ "i": null }""", "Variable `$i` of non-null type `Int!` must not be null.")]
    [InlineData("query ($i: Int!) { echo(req: $i) }", """{ "i": "x" }""", "Variable `$i` got invalid value `x`; Int cannot represent non-integer value: `x`")]
    [InlineData("query ($l: [Int]) { echo(req: 1, l: $l) }", """{ "l": [1, "b", 3] }""", "Variable `$l` got invalid value `b` at `l[1]`; Int cannot represent non-integer value: `b`")]
    [InlineData("query ($c: Color) { echo(req: 1, c: $c) }", """{ "c": "BLUE" }""", "Variable `$c` got invalid value `BLUE`; Value `BLUE` does not exist in `Color` enum.")]
    [InlineData("query ($x: Point) { echo(req: 1) }", """{ "x": 3 }""", "Variable `$x` got invalid value 3; Expected type `Point` to be an object.")]
    public async Task An_invalid_variable_fails_the_request_with_graphql_js_message_and_no_data(string query, string variables, string message)
    {
        var json = await Run(Echo.Value, query, variables: Support.Json.Parse(variables));

        Assert.Equal(
            Q($"{{'errors':[{{'message':'{message}','locations':[{{'line':1,'column':8}}],'extensions':{{'code':'BAD_USER_INPUT'}}}}]}}"),
            json);
    }

    [Fact]
    public async Task Every_problem_of_an_input_object_variable_is_reported_with_its_path()
    {
        var json = await Run(Echo.Value, "query ($p: Point) { echo(req: 1, p: $p) }", variables: Support.Json.Parse("""{ "p": { "x": "a", "z": 1 } }"""));

        Assert.Equal(
            Q("{'errors':[{'message':'Variable `$p` got invalid value `a` at `p.x`; Int cannot represent non-integer value: `a`','locations':[{'line':1,'column':8}],'extensions':{'code':'BAD_USER_INPUT'}},{'message':'Variable `$p` got invalid value { x: `a`, z: 1 }; Field `z` is not defined by type `Point`. Did you mean `x` or `y`?','locations':[{'line':1,'column':8}],'extensions':{'code':'BAD_USER_INPUT'}}]}"),
            json);
    }

    [Theory]
    [InlineData("query ($x: Query) { echo(req: 1) }", "Query")]
    [InlineData("query ($x: Nope) { echo(req: 1) }", "Nope")]
    public async Task A_variable_of_a_type_that_is_no_input_type_fails(string query, string typeName)
    {
        var json = await Run(Echo.Value, query, variables: Support.Json.Parse("""{ "x": 3 }"""));

        Assert.Equal(
            Q($"{{'errors':[{{'message':'Variable `$x` expected value of type `{typeName}` which cannot be used as an input type.','locations':[{{'line':1,'column':12}}],'extensions':{{'code':'BAD_USER_INPUT'}}}}]}}"),
            json);
    }

    [Theory]
    [InlineData("query ($l: [Int]) { echo(req: 1, l: $l) }", """{ "l": 5 }""", "{`l`:[5],`req`:1,`d`:7}")]
    [InlineData("query ($i: Int = 3) { echo(req: $i) }", "{}", "{`req`:3,`d`:7}")]
    [InlineData("query ($i: Int) { echo(req: 1, d: $i) }", "{}", "{`req`:1,`d`:7}")]
    [InlineData("query ($i: Int) { echo(req: 1, d: $i) }", """{ "i": null }""", "{`req`:1,`d`:null}")]
    [InlineData("{ echo(req: 1, s: null, p: {x: 1}) }", "{}", "{`s`:null,`p`:{`x`:1,`y`:0},`req`:1,`d`:7}")]
    [InlineData("query ($p: Point) { echo(req: 1, p: $p) }", """{ "p": { "x": 2 } }""", "{`p`:{`x`:2,`y`:0},`req`:1,`d`:7}")]
    [InlineData("{ echo(req: 1, l: 4, nl: [1, 2]) }", "{}", "{`l`:[4],`req`:1,`d`:7,`nl`:[1,2]}")]
    public async Task Arguments_take_given_values_defaults_and_explicit_nulls_and_lists_accept_single_values(
        string query, string variables, string arguments)
    {
        var json = await Run(Echo.Value, query, variables: Support.Json.Parse(variables));

        Assert.Equal(Q($"{{'data':{{'echo':'{arguments}'}}}}"), json);
    }

    [Theory]
    [InlineData("query ($i: Int) { echo(req: $i) }", "{}", "Argument `req` of required type `Int!` was provided the variable `$i` which was not provided a runtime value.", 29)]
    [InlineData("query ($i: Int) { echo(req: $i) }", """{ "i": null }""", "Argument `req` of non-null type `Int!` must not be null.", 29)]
    [InlineData("{ echo }", "{}", "Argument `req` of required type `Int!` was not provided.", 3)]
    [InlineData("{ echo(req: null) }", "{}", "Argument `req` of non-null type `Int!` must not be null.", 13)]
    [InlineData("{ echo(req: \"x\") }", "{}", "Argument `req` has invalid value `x`.", 13)]
    public async Task An_invalid_argument_fails_its_field_with_graphql_js_message(string query, string variables, string message, int column)
    {
        var json = await Run(Echo.Value, query, variables: Support.Json.Parse(variables));

        Assert.Equal(
            Q($"{{'errors':[{{'message':'{message}','locations':[{{'line':1,'column':{column}}}],'path':['echo'],'extensions':{{'code':'BAD_USER_INPUT'}}}}],'data':{{'echo':null}}}}"),
            json);
    }

    [Fact]
    public async Task Variables_may_come_as_a_dictionary()
    {
        var variables = new Dictionary<string, object?>
        {
            ["p"] = new Dictionary<string, object?> { ["x"] = 5 },
            ["l"] = new object?[] { 1, null },
        };

        var json = await Run(Echo.Value, "query ($p: Point, $l: [Int]) { echo(req: 1, p: $p, l: $l) }", variables: variables);

        Assert.Equal(Q("{'data':{'echo':'{`l`:[1,null],`p`:{`x`:5,`y`:0},`req`:1,`d`:7}'}}"), json);
    }

    [Fact]
    public async Task Variables_that_are_not_an_object_fail_the_request()
    {
        var result = await Executor.ExecuteAsync(Echo.Value, Parser.Parse("{ echo(req: 1) }"), variables: Support.Json.Parse("[1]"));

        Assert.False(result.HasData);
        var error = Assert.Single(result.Errors!);
        Assert.Equal(
            "Variables must be provided as an Object where each property is a variable value. Perhaps look to see if an unparsed JSON string was provided.",
            error.Message);
        Assert.Equal(ErrorCodes.BadUserInput, error.Code);
    }

    [Fact]
    public async Task Coercion_stops_after_the_error_limit_with_one_more_error_saying_so()
    {
        var query = "query (" + string.Join(", ", Enumerable.Range(0, 5).Select(i => $"$v{i}: Int!")) + ") { echo(req: 1) }";

        var result = await Executor.ExecuteAsync(
            Echo.Value, Parser.Parse(query), variables: Support.Json.Parse("{}"), options: new EngineOptions { MaxCoercionErrors = 2 });

        Assert.Equal(
            [
                "Variable \"$v0\" of required type \"Int!\" was not provided.",
                "Variable \"$v1\" of required type \"Int!\" was not provided.",
                "Too many errors processing variables, error limit reached. Execution aborted.",
            ],
            result.Errors!.Select(error => error.Message));
    }

    [Fact]
    public async Task Arguments_with_variables_are_coerced_once_per_request_and_without_them_once_per_plan()
    {
        var seen = new List<IReadOnlyDictionary<string, object?>>();
        var schema = Sdl("type Query { items: [Item] } type Item { value(n: Int): Int }")
            .Resolve("Query.items", _ => new(new object[] { 1, 2, 3 }))
            .Resolve("Item.value", context =>
            {
                seen.Add(context.Arguments);
                return new(context.Arguments["n"]);
            })
            .Build();

        var json = await Run(schema, "query ($n: Int) { items { a: value(n: $n) b: value(n: 2) } }", variables: Support.Json.Parse("""{ "n": 1 }"""));

        Assert.Equal(Q("{'data':{'items':[{'a':1,'b':2},{'a':1,'b':2},{'a':1,'b':2}]}}"), json);
        Assert.Equal(2, seen.Distinct().Count());
    }
}
