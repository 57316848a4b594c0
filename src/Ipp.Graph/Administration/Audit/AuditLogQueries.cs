using System.Linq.Expressions;
using System.Text.Json;
using Ipp.Graph.Accounts;
using Ipp.Graph.Authorization;
using Ipp.Graph.Data;
using Ipp.Graph.Data.Lists;
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

    private static readonly ListDefinition<AuditEntry> List = new()
    {
        Name = "auditLog",
        Filters = new Dictionary<string, ListFilterField<AuditEntry>>(StringComparer.Ordinal)
        {
            ["action"] = (filter, operations, depth) => filter.Text(Property(nameof(AuditEntry.Action)), operations, depth),
            ["actorLabel"] = (filter, operations, depth) => filter.Text(Property(nameof(AuditEntry.ActorLabel)), operations, depth),
            ["targetKind"] = (filter, operations, depth) => filter.Text(Property(nameof(AuditEntry.TargetKind)), operations, depth),
            ["targetLabel"] = (filter, operations, depth) => filter.Text(Property(nameof(AuditEntry.TargetLabel)), operations, depth),
            ["occurredAt"] = (filter, operations, depth) => filter.Instant(Property(nameof(AuditEntry.OccurredAt)), operations, depth),
        },
        SortKeys =
        [
            ListSortKey<AuditEntry>.Instant("occurredAt", entry => entry.OccurredAt),
            ListSortKey<AuditEntry>.Text("action", entry => entry.Action),
        ],
        Id = entry => entry.Id,
        DefaultOrder = ("occurredAt", true),
        PageSizes = ListPageSizes.Of<AdministrationOptions>,
    };

    public static void Bind(SchemaBuilder schema, NodeRegistry nodes)
    {
        schema
            .BindType<AuditEntry>(TypeName)
            .Resolve("Query.auditLog", AuditLog)
            .Resolve("AuditEntry.id", context => new(GlobalId.Encode(TypeName, context.ParentAs<AuditEntry>().Id)))
            .Resolve("AuditEntry.actorId", context => new(context.ParentAs<AuditEntry>().ActorId is { } id ? GlobalId.Encode("User", id) : null))
            .Resolve("AuditEntry.targetId", context => new(GlobalId.Encode(context.ParentAs<AuditEntry>().TargetKind, context.ParentAs<AuditEntry>().TargetId)))
            .Resolve("AuditEntry.details", context => new(context.ParentAs<AuditEntry>().DetailsJson is { } json ? JsonDocument.Parse(json).RootElement.Clone() : null))
            .BindConnection<AuditEntry, AuditEntry>("AuditEntriesConnection", "AuditEntriesEdge", entry => entry);
        nodes.Add(TypeName, FetchAsync);
    }

    private static ValueTask<object?> AuditLog(ResolveContext context) =>
        new(List.Connect(context, db => db.AuditLog.AsNoTracking()));

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

    private static MemberExpression Property(string name) => ListFilter<AuditEntry>.Property(name);
}
