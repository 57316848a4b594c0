using System.Linq.Expressions;
using Ipp.Graph.Accounts;
using Ipp.Graph.Accounts.Entities;
using Ipp.Graph.Data.Lists;
using Ipp.Graph.Engine.Binding;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.GraphQL;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Administration.Users;

/// <summary>
/// <c>users(where:, order:, first/after/last/before)</c>: every account (the field needs <c>users:read</c>), filtered
/// by email (compared in lower case, as accounts are), roles, groups, approval state and whether disabled, newest first unless
/// <c>order</c> says otherwise, in pages with keyset cursors.
/// </summary>
public static class UserQueries
{
    private static readonly ListDefinition<User> List = new()
    {
        Name = "users",
        Filters = new Dictionary<string, ListFilterField<User>>(StringComparer.Ordinal)
        {
            // Compared with the normalized (lower-case) email, the operand lowered too: a search finds Ada@Example.org by "ada@".
            ["email"] = (filter, operations, depth) =>
                filter.Text(Property(nameof(User.NormalizedEmail)), operations, depth, normalize: text => text.ToLowerInvariant()),
            ["roles"] = Roles,
            ["groups"] = UserGroupsFilter.Build,
            ["approval"] = (filter, operations, depth) =>
                filter.Values(Property(nameof(User.Approval)), operations, depth, "ApprovalStateOperationFilterInput", value => (ApprovalState)value),
            ["disabled"] = (filter, operations, depth) =>
                filter.Values(Property(nameof(User.Disabled)), operations, depth, "BooleanOperationFilterInput", value => (bool)value),
        },
        SortKeys =
        [
            ListSortKey<User>.Text("email", user => user.NormalizedEmail),
            ListSortKey<User>.Instant("createdAt", user => user.CreatedAt),
        ],
        Id = user => user.Id,
        DefaultOrder = ("createdAt", true),
        PageSizes = ListPageSizes.Of<AdministrationOptions>,
        BindFilter = UserGroupsFilter.Bind,
    };

    public static void Bind(SchemaBuilder schema)
    {
        schema
            .BindConnection<User, UserView>("UsersConnection", "UsersEdge", View)
            .Resolve("Query.users", Users);
    }

    /// <summary>A user's row as the API shows it.</summary>
    public static UserView View(User user) =>
        new(user.Id, user.Email, RoleNames.ParseAll(user.Roles.Select(role => role.Role)), new DateTimeOffset(user.CreatedAt), user.Approval, user.Disabled);

    private static ValueTask<object?> Users(ResolveContext context) =>
        new(List.Connect(context, db => db.Users.AsNoTracking().Include(user => user.Roles)));

    /// <summary>
    /// <c>roles: { some: {...}, none: {...}, any: Boolean }</c> (HotChocolate's list filter): some role matches, no role
    /// matches, the user holds any role at all.
    /// </summary>
    private static Expression? Roles(ListFilter<User> filter, object operations, int depth)
    {
        var roles = Property(nameof(User.Roles));
        var role = Expression.Parameter(typeof(UserRole), "role");
        return ListFilter<User>.List(
            operations,
            depth,
            (value, itemDepth) => filter.Values(Expression.Property(role, nameof(UserRole.Role)), value, itemDepth, "RoleOperationFilterInput", named => RoleNames.NameOf((Role)named)),
            matches => matches is null
                ? Expression.Call(typeof(Enumerable), nameof(Enumerable.Any), [typeof(UserRole)], roles)
                : Expression.Call(typeof(Enumerable), nameof(Enumerable.Any), [typeof(UserRole)], roles, Expression.Lambda<Func<UserRole, bool>>(matches, role)));
    }

    private static MemberExpression Property(string name) => ListFilter<User>.Property(name);
}
