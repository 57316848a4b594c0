using Ipp.Graph.Administration.Approval;
using Ipp.Graph.Administration.Audit;
using Ipp.Graph.Administration.Users;
using Ipp.Graph.Engine.Binding;
using Ipp.Graph.GraphQL;

namespace Ipp.Graph.Administration;

/// <summary>
/// The administration fields of the contract: <c>users</c>, <c>auditLog</c>, the mutations on users and roles, and
/// <c>accountPending</c> (docs/authorization.md says what each needs).
/// </summary>
public static class AdministrationSchema
{
    public static void Bind(SchemaBuilder schema, NodeRegistry nodes)
    {
        UserQueries.Bind(schema);
        UserMutations.Bind(schema);
        AuditLogQueries.Bind(schema, nodes);
        AccountPendingSubscription.Bind(schema);
    }
}
