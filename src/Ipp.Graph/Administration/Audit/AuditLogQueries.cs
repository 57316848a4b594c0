using System.Linq.Expressions;
using System.Text.Json;
using Ipp.Graph.Accounts;
using Ipp.Graph.Administration.Paging;
using Ipp.Graph.Authorization;
using Ipp.Graph.Data;
using Ipp.Graph.Engine.Binding;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.GraphQL;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Administration.Audit;

/// <summary>
/// <c>auditLog(where:, order:, first/after/last/before)</c> (the field needs <c>audit:read</c>): the administrative
/// actions, newest first unless <c>order</c> says otherwise, and <c>node(id:)</c> of an <c>AuditEntry</c>.
/// </summary>
public static class AuditLogQueries
{
    public const string TypeName = "AuditEntry";

    private static readonly Dictionary<string, Func<FilterBuilder<AuditEntry>, object, int, Expression?>> Fields = new(StringComparer.Ordinal)
    {
        ["action"] = (filter, operations, depth) => filter.Text(Property(nameof(AuditEntry.Action)), operations, depth),
        ["actorLabel"] = (filter, operations, depth) => filter.Text(Property(nameof(AuditEntry.ActorLabel)), operations, depth),
        ["targetKind"] = (filter, operations, depth) => filter.Text(Property(nameof(AuditEntry.TargetKind)), operations, depth),
        ["targetLabel"] = (filter, operations, depth) => filter.Text(Property(nameof(AuditEntry.TargetLabel)), operations, depth),
        ["occurredAt"] = (filter, operations, depth) => filter.Instant(Property(nameof(AuditEntry.OccurredAt)), operations, depth),
    };

    private static readonly Dictionary<string, SortKey<AuditEntry>> Keys = new(StringComparer.Ordinal)
    {
        ["occurredAt"] = SortKey<AuditEntry>.By(entry => entry.OccurredAt),
        ["action"] = SortKey<AuditEntry>.By(entry => entry.Action),
    };

    private static readonly SortKey<AuditEntry> Id = SortKey<AuditEntry>.By(entry => entry.Id);

    public static void Bind(SchemaBuilder schema, NodeRegistry nodes)
    {
        schema
            .BindType<AuditEntry>(TypeName)
            .BindType<OffsetEdge<AuditEntry>>("AuditEntriesEdge")
            .Resolve("Query.auditLog", AuditLog)
            .Resolve("AuditEntry.id", context => new(GlobalId.Encode(TypeName, context.ParentAs<AuditEntry>().Id)))
            .Resolve("AuditEntry.actorId", context => new(context.ParentAs<AuditEntry>().ActorId is { } id ? GlobalId.Encode("User", id) : null))
            .Resolve("AuditEntry.targetId", context => new(GlobalId.Encode(context.ParentAs<AuditEntry>().TargetKind, context.ParentAs<AuditEntry>().TargetId)))
            .Resolve("AuditEntry.details", context => new(context.ParentAs<AuditEntry>().DetailsJson is { } json ? JsonDocument.Parse(json).RootElement.Clone() : null))
            .Resolve("AuditEntriesConnection.pageInfo", async context => (await Connection(context).PageAsync()).PageInfo)
            .Resolve("AuditEntriesConnection.edges", async context => (await Connection(context).PageAsync()).Edges)
            .Resolve("AuditEntriesConnection.nodes", async context => (await Connection(context).PageAsync()).Nodes())
            .Resolve("AuditEntriesConnection.totalCount", async context => await Connection(context).TotalCountAsync());
        nodes.Add(TypeName, FetchAsync);
    }

    private static ValueTask<object?> AuditLog(ResolveContext context)
    {
        context.Arguments.TryGetValue("where", out var where);
        context.Arguments.TryGetValue("order", out var order);
        var filter = new FilterBuilder<AuditEntry>(Fields).Build(where);
        var sort = SortOrder<AuditEntry>.From(order, Keys, ("occurredAt", true), Id);
        return new(OffsetConnection<AuditEntry>.From(
            context,
            db => filter is null ? db.AuditLog.AsNoTracking() : db.AuditLog.AsNoTracking().Where(filter),
            sort.Apply));
    }

    /// <summary>The entry with this id for a caller holding <c>audit:read</c>; null otherwise.</summary>
    private static async ValueTask<object?> FetchAsync(long key, ResolveContext context)
    {
        if (context.LiveCaller() is not { } caller || !context.Service<AccessPolicy>().Holds(caller, Permission.AuditRead))
        {
            return null;
        }

        await using var db = await context.Service<IDbContextFactory<IppDbContext>>().CreateDbContextAsync(context.CancellationToken);
        return await db.AuditLog.AsNoTracking().FirstOrDefaultAsync(entry => entry.Id == key, context.CancellationToken);
    }

    private static MemberExpression Property(string name) => Expression.Property(FilterBuilder<AuditEntry>.Entity, name);

    private static OffsetConnection<AuditEntry> Connection(ResolveContext context) => context.ParentAs<OffsetConnection<AuditEntry>>();
}
