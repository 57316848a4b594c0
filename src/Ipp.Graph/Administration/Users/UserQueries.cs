using System.Linq.Expressions;
using Ipp.Graph.Accounts;
using Ipp.Graph.Accounts.Entities;
using Ipp.Graph.Administration.Paging;
using Ipp.Graph.Engine.Binding;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.GraphQL;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Administration.Users;

/// <summary>
/// <c>users(where:, order:, first/after/last/before)</c>: every account (the field needs <c>users:read</c>), filtered
/// by email (compared in lower case, as accounts are), roles, groups, approval state and whether disabled, newest first unless
/// <c>order</c> says otherwise, in pages with HotChocolate's offset cursors.
/// </summary>
public static class UserQueries
{
    private static readonly Dictionary<string, Func<FilterBuilder<User>, object, int, Expression?>> Fields = new(StringComparer.Ordinal)
    {
        // Compared with the normalized (lower-case) email, the operand lowered too: a search finds Ada@Example.org by "ada@".
        ["email"] = (filter, operations, depth) =>
            filter.Text(Property(nameof(User.NormalizedEmail)), operations, depth, text => text.ToLowerInvariant()),
        ["roles"] = Roles,
        ["groups"] = UserGroupsFilter.Build,
        ["approval"] = (filter, operations, depth) => filter.Values(Property(nameof(User.Approval)), operations, depth, value => (ApprovalState)value),
        ["disabled"] = (filter, operations, depth) => filter.Values(Property(nameof(User.Disabled)), operations, depth, value => (bool)value),
    };

    private static readonly Dictionary<string, SortKey<User>> Keys = new(StringComparer.Ordinal)
    {
        ["email"] = SortKey<User>.By(user => user.NormalizedEmail),
        ["createdAt"] = SortKey<User>.By(user => user.CreatedAt),
    };

    private static readonly SortKey<User> Id = SortKey<User>.By(user => user.Id);

    public static void Bind(SchemaBuilder schema)
    {
        schema
            .BindType<OffsetEdge<UserView>>("UsersEdge")
            .Resolve("Query.users", Users)
            .Resolve("UsersConnection.pageInfo", async context => (await Connection(context).PageAsync()).PageInfo)
            .Resolve("UsersConnection.edges", async context => Views(await Connection(context).PageAsync()))
            .Resolve("UsersConnection.nodes", async context => Views(await Connection(context).PageAsync()).Select(edge => edge.Node).ToArray())
            .Resolve("UsersConnection.totalCount", async context => await Connection(context).TotalCountAsync());
    }

    /// <summary>A user's row as the API shows it.</summary>
    public static UserView View(User user) =>
        new(user.Id, user.Email, RoleNames.ParseAll(user.Roles.Select(role => role.Role)), new DateTimeOffset(user.CreatedAt), user.Approval, user.Disabled);

    private static ValueTask<object?> Users(ResolveContext context)
    {
        context.Arguments.TryGetValue("where", out var where);
        context.Arguments.TryGetValue("order", out var order);
        var filter = new FilterBuilder<User>(Fields).Build(where);
        var sort = SortOrder<User>.From(order, Keys, ("createdAt", true), Id);
        return new(OffsetConnection<User>.From(
            context,
            db =>
            {
                var users = db.Users.AsNoTracking().Include(user => user.Roles).AsQueryable();
                return filter is null ? users : users.Where(UserGroupsFilter.Bind(filter, db));
            },
            sort.Apply));
    }

    /// <summary>
    /// <c>roles: { some: {...}, none: {...}, any: Boolean }</c> (HotChocolate's list filter): some role matches, no role
    /// matches, the user holds any role at all.
    /// </summary>
    private static Expression? Roles(FilterBuilder<User> filter, object operations, int depth)
    {
        var roles = Property(nameof(User.Roles));
        var role = Expression.Parameter(typeof(UserRole), "role");
        return FilterBuilder<User>.List(
            operations,
            depth,
            (value, itemDepth) => filter.Values(Expression.Property(role, nameof(UserRole.Role)), value, itemDepth, named => RoleNames.NameOf((Role)named)),
            matches => matches is null
                ? Expression.Call(typeof(Enumerable), nameof(Enumerable.Any), [typeof(UserRole)], roles)
                : Expression.Call(typeof(Enumerable), nameof(Enumerable.Any), [typeof(UserRole)], roles, Expression.Lambda<Func<UserRole, bool>>(matches, role)));
    }

    private static MemberExpression Property(string name) => Expression.Property(FilterBuilder<User>.Entity, name);

    private static OffsetConnection<User> Connection(ResolveContext context) => context.ParentAs<OffsetConnection<User>>();

    private static OffsetEdge<UserView>[] Views(OffsetPage<User> page) =>
        [.. page.Edges.Select(edge => new OffsetEdge<UserView>(edge.Cursor, View(edge.Node)))];
}
