using System.Runtime.CompilerServices;
using Ipp.Graph.Engine.Binding;
using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Engine.Language;
using Ipp.Graph.Engine.Types;

namespace Ipp.Graph.Engine.Tests.Binding;

/// <summary>SchemaBuilder.WrapFields: every field's resolver wrapped once, after all bindings, and what a wrapper refuses.</summary>
public sealed class FieldWrapperTests
{
    private const string Sdl = """
        type Query { greeting: String user: User }
        type User { name: String nickname: String }
        type Subscription { tick: Int }
        """;

    private sealed record Person(string Name);

    private sealed record Titled(string Name, string Title);

    /// <summary>Brackets every string a wrapped resolver returns, and records which fields it was given.</summary>
    private sealed class Bracketing(string open = "[", string close = "]") : IFieldWrapper
    {
        public List<string> Wrapped { get; } = [];

        public FieldResolver WrapResolver(Schema schema, FieldDefinition field, FieldResolver resolver)
        {
            Wrapped.Add(field.ToString());
            return async context =>
            {
                var value = await resolver(context);
                return value is string text ? open + text + close : value;
            };
        }

        public SubscriptionResolver WrapSubscriber(Schema schema, FieldDefinition field, SubscriptionResolver subscriber)
        {
            Wrapped.Add(field.ToString() + " (subscriber)");
            return subscriber;
        }
    }

    /// <summary>Refuses every field whose name starts with "secret", before its resolver runs.</summary>
    private sealed class Refusing : IFieldWrapper
    {
        public FieldResolver WrapResolver(Schema schema, FieldDefinition field, FieldResolver resolver) =>
            field.Name.StartsWith("secret", StringComparison.Ordinal) ? _ => throw new GraphQLError("Not for you.", code: "REFUSED") : resolver;

        public SubscriptionResolver WrapSubscriber(Schema schema, FieldDefinition field, SubscriptionResolver subscriber) =>
            _ => throw new GraphQLError("No stream for you.", code: "REFUSED");
    }

    /// <summary>Fails the build for every field named "bad…".</summary>
    private sealed class Complaining : IFieldWrapper
    {
        public FieldResolver WrapResolver(Schema schema, FieldDefinition field, FieldResolver resolver) =>
            field.Name.StartsWith("bad", StringComparison.Ordinal) ? throw new GraphQLError($"{field} has no rule.") : resolver;

        public SubscriptionResolver WrapSubscriber(Schema schema, FieldDefinition field, SubscriptionResolver subscriber) => subscriber;
    }

    /// <summary>Wraps <c>User.name</c> only, and gives every other field its resolver back as it was.</summary>
    private sealed class LeavingAllButName : IFieldWrapper
    {
        public FieldResolver WrapResolver(Schema schema, FieldDefinition field, FieldResolver resolver) =>
            field.Name == "name" ? context => resolver(context) : resolver;

        public SubscriptionResolver WrapSubscriber(Schema schema, FieldDefinition field, SubscriptionResolver subscriber) => subscriber;
    }

    private static SchemaBuilder Builder() =>
        SchemaBuilder.FromSdl(Sdl)
            .UseDefaultResolver(_ => new ValueTask<object?>("default"))
            .BindType<Person>("User")
            .Resolve("Query.greeting", _ => new ValueTask<object?>("hello"))
            .Resolve("Query.user", _ => new ValueTask<object?>(new Person("Ada")))
            .Subscribe("Subscription.tick", _ => new ValueTask<IAsyncEnumerable<object?>>(Ticks()));

    private static async Task<string> Run(Schema schema, string query) =>
        (await new RequestExecutor(schema).ExecuteAsync(new GraphQLRequest { Query = query }, new RequestContext())).ToJson();

    private static async IAsyncEnumerable<object?> Ticks([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        yield return 1;
        await Task.Yield();
    }

    [Fact]
    public async Task Every_field_is_wrapped_once_whether_its_resolver_is_bound_derived_or_the_default()
    {
        var wrapper = new Bracketing();
        var schema = Builder().WrapFields(wrapper).Build();

        Assert.Equal(
            ["Query.greeting", "Query.user", "User.name", "User.nickname", "Subscription.tick (subscriber)"],
            wrapper.Wrapped);
        Assert.Equal(
            """{"data":{"greeting":"[hello]","user":{"name":"[Ada]","nickname":"[default]"},"__typename":"Query"}}""",
            await Run(schema, "{ greeting user { name nickname } __typename }"));
    }

    [Fact]
    public void A_field_a_wrapper_leaves_as_it_was_keeps_its_plain_property_read_and_a_wrapped_one_loses_it()
    {
        var schema = SchemaBuilder.FromSdl("type Query { user: User } type User { name: String title: String }")
            .BindType<Titled>("User")
            .Resolve("Query.user", _ => new ValueTask<object?>(new Titled("Ada", "Countess")))
            .WrapFields(new LeavingAllButName())
            .Build();
        var user = (ObjectType)schema.GetType("User")!;

        Assert.Null(user.GetField("name")!.PropertyGetter);
        Assert.NotNull(user.GetField("title")!.PropertyGetter);
    }

    [Fact]
    public async Task A_wrapper_refuses_a_field_before_its_resolver_runs_and_the_field_is_null_with_the_error()
    {
        var ran = 0;
        var schema = SchemaBuilder.FromSdl("type Query { open: Int secret: Int }")
            .Resolve("Query.open", _ => new ValueTask<object?>(1))
            .Resolve("Query.secret", _ => new ValueTask<object?>(++ran))
            .WrapFields(new Refusing())
            .Build();

        Assert.Equal(
            """{"errors":[{"message":"Not for you.","locations":[{"line":1,"column":8}],"path":["secret"],"extensions":{"code":"REFUSED"}}],"data":{"open":1,"secret":null}}""",
            await Run(schema, "{ open secret }"));
        Assert.Equal(0, ran);
    }

    [Fact]
    public async Task A_wrapped_subscriber_refusing_gives_one_response_without_a_stream()
    {
        var schema = Builder().WrapFields(new Refusing()).Build();

        var result = await Executor.SubscribeAsync(schema, Parser.Parse("subscription { tick }"));

        Assert.False(result.IsStream);
        Assert.Equal(
            """{"errors":[{"message":"No stream for you.","locations":[{"line":1,"column":16}],"path":["tick"],"extensions":{"code":"REFUSED"}}]}""",
            result.Result!.ToJson());
    }

    [Fact]
    public void What_a_wrapper_refuses_to_wrap_fails_the_build_with_every_problem_listed()
    {
        var failure = Assert.Throws<SchemaBuildException>(
            SchemaBuilder.FromSdl("type Query { bad: Int fine: Int badToo: String }").UseDefaultResolver(_ => default).WrapFields(new Complaining()).Build);

        Assert.Equal(["Query.bad has no rule.", "Query.badToo has no rule."], failure.Problems.Select(problem => problem.Message));
    }

    [Fact]
    public async Task Wrappers_given_later_run_outside_those_given_earlier()
    {
        var schema = SchemaBuilder.FromSdl("type Query { a: String }")
            .Resolve("Query.a", _ => new ValueTask<object?>("a"))
            .WrapFields(new Bracketing("(", ")"))
            .WrapFields(new Bracketing())
            .Build();

        Assert.Equal("""{"data":{"a":"[(a)]"}}""", await Run(schema, "{ a }"));
    }
}
