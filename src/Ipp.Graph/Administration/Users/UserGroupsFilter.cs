using System.Linq.Expressions;
using Ipp.Graph.Accounts.Entities;
using Ipp.Graph.Data;
using Ipp.Graph.Data.Lists;
using Ipp.Graph.GraphQL;
using Ipp.Graph.Groups;
using Ipp.Graph.Groups.Entities;

namespace Ipp.Graph.Administration.Users;

/// <summary>
/// The <c>groups</c> field of <c>users(where:)</c>: <c>{some: {id: {eq: $groupId}}}</c>, <c>none</c>, <c>any</c>
/// (HotChocolate's list filter over the groups the user belongs to). An id that names no group (unknown, deleted, or
/// not a group's id at all) is no error: it is the id of no group the user is in, so <c>eq</c> and <c>in</c> match no
/// membership by it and <c>neq</c> and <c>nin</c> every one, as a filter on any other value would.
/// </summary>
internal static class UserGroupsFilter
{
    /// <summary>
    /// The key standing for an id that names no group: the databases number groups from 1, so no membership has it.
    /// </summary>
    private const long NoGroup = 0;

    /// <summary>
    /// The memberships a condition reads, a placeholder until <see cref="Bind"/> puts the query's database in (users
    /// have no navigation to their groups: the groups feature builds on accounts, not the other way round).
    /// </summary>
    private static readonly ParameterExpression Memberships = Expression.Parameter(typeof(IQueryable<GroupMember>), "memberships");

    /// <summary>The condition of a <c>GroupListFilterInput</c>.</summary>
    public static Expression? Build(ListFilter<User> filter, object operations, int depth)
    {
        var member = Expression.Parameter(typeof(GroupMember), "member");
        var ofUser = Expression.Equal(Expression.Property(member, nameof(GroupMember.UserId)), Expression.Property(ListFilter<User>.Entity, nameof(User.Id)));
        return ListFilter<User>.List(
            operations,
            depth,
            (value, itemDepth) => ((IReadOnlyDictionary<string, object?>)value).TryGetValue("id", out var id) && id is not null
                ? filter.Values(Expression.Property(member, nameof(GroupMember.GroupId)), id, itemDepth, "IdOperationFilterInput", Key)
                : null,
            matches => Expression.Call(
                typeof(Queryable),
                nameof(Queryable.Any),
                [typeof(GroupMember)],
                Memberships,
                Expression.Quote(Expression.Lambda<Func<GroupMember, bool>>(matches is null ? ofUser : Expression.AndAlso(ofUser, matches), member))));
    }

    /// <summary>The filter reading the memberships of <paramref name="db"/> (the placeholder replaced).</summary>
    public static Expression<Func<User, bool>> Bind(Expression<Func<User, bool>> filter, IppDbContext db) =>
        (Expression<Func<User, bool>>)new Placeholder(db).Visit(filter);

    private static long Key(object id) => GlobalId.TryDecode((string)id, GroupView.TypeName, out var key) ? key : NoGroup;

    /// <summary>
    /// Puts <c>db.Set&lt;GroupMember&gt;()</c> where the placeholder is, as a captured context reads in a query
    /// written by hand (EF Core makes it the table's query root).
    /// </summary>
    private sealed class Placeholder(IppDbContext db) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            node == Memberships ? Expression.Call(Expression.Constant(db), nameof(IppDbContext.Set), [typeof(GroupMember)]) : node;
    }
}
