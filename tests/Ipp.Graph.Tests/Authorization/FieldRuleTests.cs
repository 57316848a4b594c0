using Ipp.Graph.Authorization;
using Ipp.Graph.Engine.Binding;

namespace Ipp.Graph.Tests.Authorization;

/// <summary>
/// Every field of the contract declares who may call it, and the server enforces only rules it understands: a field
/// without one, or with one it would not enforce as written, stops the schema from being built (and so the server
/// from starting), naming the field.
/// </summary>
public sealed class FieldRuleTests(AccessServers servers) : IClassFixture<AccessServers>
{
    private const string Directives = """
        directive @authorize(policy: String, roles: [String!], apply: ApplyPolicy! = BEFORE_RESOLVER) repeatable on OBJECT | FIELD_DEFINITION
        directive @allowAnonymous repeatable on FIELD_DEFINITION
        enum ApplyPolicy { BEFORE_RESOLVER AFTER_RESOLVER VALIDATION }

        """;

    [Fact]
    public async Task Every_field_of_every_object_type_of_the_served_schema_declares_its_rule()
    {
        using var client = servers.Default.CreateClient();
        var rules = ContractRules.Read(await client.GetStringAsync("graphql?sdl"));

        Assert.Empty(rules.Where(rule => rule.Value is null).Select(rule => rule.Key));
        Assert.True(rules.Count > 100, $"{rules.Count} fields");
        Assert.Contains(rules, rule => rule.Value == ContractRules.Anyone);
        Assert.Contains(rules, rule => rule.Value == ContractRules.SignedIn);
    }

    [Fact]
    public async Task Every_policy_of_the_served_schema_is_a_documented_permission()
    {
        using var client = servers.Default.CreateClient();
        var documented = PermissionTableDocumentTests.DocumentedRows().Select(row => row.Name).ToHashSet();

        var policies = ContractRules.Read(await client.GetStringAsync("graphql?sdl")).Values
            .Where(rule => rule is not (null or ContractRules.Anyone or ContractRules.SignedIn))
            .SelectMany(rule => rule!.Split('+'))
            .Distinct()
            .ToList();

        Assert.Equal(
            ["audit:read", "credentials:manage", "experiments:read", "experiments:write", "files:read", "files:write", "groups:manage", "groups:read", "images:manage", "images:read", "roles:manage", "roles:read", "tags:manage", "tags:read", "tags:write", "users:manage", "users:read"],
            policies.Order());
        Assert.All(policies, policy => Assert.Contains(policy, documented));
    }

    [Theory]
    [InlineData("type Query { a: Int }", "Field \"Query.a\" declares no rule: give it @allowAnonymous or @authorize, or its type @authorize.")]
    [InlineData("type Query { a: Int @allowAnonymous @authorize }", "Field \"Query.a\" is both @allowAnonymous and @authorize: give it one of them.")]
    [InlineData("type Query { a: Int @authorize(policy: \"experiments:delete\") }", "Field \"Query.a\" has @authorize(policy: \"experiments:delete\"), which names no permission (docs/authorization.md lists them).")]
    [InlineData("type Query { a: Int @authorize(roles: [\"ADMIN\"]) }", "Field \"Query.a\" has @authorize(roles:), which this server does not enforce: roles give permissions (PermissionTable), name the permission as the policy.")]
    [InlineData("type Query @authorize(apply: AFTER_RESOLVER) { a: Int }", "Field \"Query.a\" has @authorize(apply: AFTER_RESOLVER), which this server does not enforce: only policy and apply: BEFORE_RESOLVER.")]
    public void A_field_without_a_rule_the_server_enforces_stops_the_build_naming_it(string sdl, string problem)
    {
        var builder = SchemaBuilder.FromSdl(Directives + sdl)
            .UseDefaultResolver(_ => default)
            .WrapFields(new FieldAuthorization(new AccessPolicy(PermissionTable.Default)));

        var failure = Assert.Throws<SchemaBuildException>(builder.Build);

        Assert.Equal(problem, Assert.Single(failure.Problems).Message);
    }

    [Fact]
    public void Every_field_with_a_rule_builds_and_each_problem_is_listed_at_once()
    {
        var policy = new AccessPolicy(PermissionTable.Default);
        var fine = SchemaBuilder.FromSdl(Directives + """
            type Query @authorize { a: Int b: Int @allowAnonymous c: Int @authorize(policy: "roles:read", apply: BEFORE_RESOLVER) @authorize(policy: "tasks:read") }
            """).UseDefaultResolver(_ => default).WrapFields(new FieldAuthorization(policy));
        var broken = SchemaBuilder.FromSdl(Directives + "type Query { a: Int b: Int c: Int @allowAnonymous }")
            .UseDefaultResolver(_ => default).WrapFields(new FieldAuthorization(policy));

        fine.Build();
        Assert.Equal(2, Assert.Throws<SchemaBuildException>(broken.Build).Problems.Count);
    }

    [Theory]
    [InlineData("MAINTAINER", """{"errors":[{"message":"Not allowed: this needs the permission tasks:read, which your roles do not give.","locations":[{"line":1,"column":11}],"path":["thing","both"],"extensions":{"code":"AUTH_NOT_AUTHORIZED"}}],"data":{"thing":{"both":null,"own":2}}}""")]
    [InlineData("DATA_ENGINEER", """{"errors":[{"message":"Not allowed: this needs the permission roles:read, which your roles do not give.","locations":[{"line":1,"column":11}],"path":["thing","both"],"extensions":{"code":"AUTH_NOT_AUTHORIZED"}},{"message":"Not allowed: this needs the permission roles:read, which your roles do not give.","locations":[{"line":1,"column":16}],"path":["thing","own"],"extensions":{"code":"AUTH_NOT_AUTHORIZED"}}],"data":{"thing":{"both":null,"own":null}}}""")]
    [InlineData("MAINTAINER,DATA_ENGINEER", """{"data":{"thing":{"both":1,"own":2}}}""")]
    public async Task Several_rules_of_a_field_and_its_type_all_apply(string roles, string expected)
    {
        var schema = SchemaBuilder.FromSdl(Directives + """
            type Query { thing: Thing @allowAnonymous }
            type Thing @authorize(policy: "roles:read") { both: Int @authorize(policy: "tasks:read") own: Int }
            """)
            .Resolve("Query.thing", _ => new ValueTask<object?>(new object()))
            .Resolve("Thing.both", _ => new ValueTask<object?>(1))
            .Resolve("Thing.own", _ => new ValueTask<object?>(2))
            .WrapFields(new FieldAuthorization(new AccessPolicy(PermissionTable.Default)))
            .Build();
        var caller = new Ipp.Graph.Accounts.SignedInCaller(
            1, "ada@example.org", [.. roles.Split(',').Select(name => Ipp.Graph.Accounts.RoleNames.TryParse(name, out var role) ? role : throw new ArgumentException(name))],
            DateTimeOffset.UnixEpoch, 1, DateTimeOffset.MaxValue, Ipp.Graph.Accounts.ApprovalState.Approved, 0);

        var result = await new Ipp.Graph.Engine.Execution.RequestExecutor(schema).ExecuteAsync(
            new Ipp.Graph.Engine.Execution.GraphQLRequest { Query = "{ thing { both own } }" },
            new Ipp.Graph.Engine.Execution.RequestContext { User = caller.ToPrincipal() });

        Assert.Equal(expected, result.ToJson());
    }
}
