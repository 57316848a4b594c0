using Ipp.Graph.Accounts;
using Ipp.Graph.Accounts.AccessTokens;
using Ipp.Graph.Accounts.PasswordChange;
using Ipp.Graph.Accounts.PasswordReset;
using Ipp.Graph.Accounts.Profile;
using Ipp.Graph.Administration;
using Ipp.Graph.Administration.Usage;
using Ipp.Graph.Applications;
using Ipp.Graph.Authorization;
using Ipp.Graph.Engine.Binding;
using Ipp.Graph.Engine.Types;
using Ipp.Graph.Engine.Types.Scalars;
using Ipp.Graph.Engine.Utilities;
using Ipp.Graph.Experiments;
using Ipp.Graph.Experiments.Live;
using Ipp.Graph.Experiments.Notifications;
using Ipp.Graph.GraphQL;
using Ipp.Graph.GraphQL.Mutations;
using Ipp.Graph.Groups;
using Ipp.Graph.Images;
using Ipp.Graph.Library;

namespace Ipp.Graph;

/// <summary>
/// The served schema: the repository's schema.graphql (embedded in the assembly) with every feature's resolvers
/// bound to it. Building fails, listing every problem, when the contract and the resolvers disagree.
/// </summary>
public static class ContractSchema
{
    /// <summary>The text of schema.graphql as it was built into the server.</summary>
    public static string ReadSdl()
    {
        using var stream = typeof(ContractSchema).Assembly.GetManifestResourceStream("schema.graphql")
            ?? throw new InvalidOperationException("schema.graphql is not embedded in the server assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// The schema as SDL, as <c>GET /graphql?sdl</c> serves it and <c>schema export</c> writes it: equal to
    /// schema.graphql, each field's <c>@authorize</c> or <c>@allowAnonymous</c> with it, as HotChocolate exports them.
    /// </summary>
    public static string Print(Schema schema) => PrintSchema.Print(schema, appliedDirectives: true) + "\n";

    /// <summary>
    /// Builds the executable schema, each field guarded by its rule as <paramref name="policy"/> decides, for callers
    /// holding the grants announced to <paramref name="grants"/> (none: as their principal says).
    /// </summary>
    public static Schema Build(AccessPolicy policy, CallerGrants? grants = null)
    {
        var builder = SchemaBuilder.FromSdl(ReadSdl())
            .AddScalar(CustomScalars.DateTime)
            .AddScalar(CustomScalars.JSON)
            .AddScalar(CustomScalars.Long)
            .AddScalar(CustomScalars.Upload)
            .AddScalar(CustomScalars.URL);
        var nodes = new NodeRegistry();
        SharedErrors.Bind(builder);
        AccountsSchema.Bind(builder, nodes);
        AccessTokensSchema.Bind(builder);
        ProfileSchema.Bind(builder);
        PasswordChangeSchema.Bind(builder);
        PasswordResetSchema.Bind(builder);
        ExperimentsSchema.Bind(builder, nodes);
        ExperimentStatusSubscription.Bind(builder);
        ApplicationsSchema.Bind(builder);
        GroupsSchema.Bind(builder, nodes);
        LibrarySchema.Bind(builder, nodes);
        ImagesSchema.Bind(builder, nodes);
        AuthorizationSchema.Bind(builder, policy);
        AdministrationSchema.Bind(builder, nodes);
        ExperimentHistory.Bind(builder);
        ExperimentMailSchema.Bind(builder);
        UsageSchema.Bind(builder);
        nodes.Bind(builder);
        return builder.WrapFields(grants is null ? new FieldAuthorization(policy) : new FieldAuthorization(policy, grants)).Build();
    }
}
