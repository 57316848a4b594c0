using Ipp.Graph.Accounts;
using Ipp.Graph.Authorization;
using Ipp.Graph.Data;
using Ipp.Graph.Engine.Binding;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.Experiments.Write.Errors;
using Ipp.Graph.GraphQL;
using Ipp.Graph.GraphQL.Mutations;
using Ipp.Graph.Mail;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Experiments.Notifications;

/// <summary>
/// Who is mailed when experiments end: <c>User.experimentMail</c> and <c>setExperimentMail</c> (the user's own
/// choice), <c>Experiment.mailWhenDone</c> and <c>setExperimentMailWhenDone</c> (an experiment's, over the user's).
/// Asking for mail from a server that sends none answers <c>MAIL_NOT_CONFIGURED</c>; turning it off always works.
/// </summary>
public static class ExperimentMailSchema
{
    public static void Bind(SchemaBuilder schema) =>
        schema
            .BindInput<SetExperimentMailInput>("SetExperimentMailInput")
            .BindInput<SetExperimentMailWhenDoneInput>("SetExperimentMailWhenDoneInput")
            .BindType<SetExperimentMailPayload>("SetExperimentMailPayload")
            .BindType<SetExperimentMailWhenDonePayload>("SetExperimentMailWhenDonePayload")
            .Resolve("User.experimentMail", ExperimentMailOfAsync)
            .ResolveMutation("setExperimentMail", SetExperimentMailAsync)
            .ResolveMutation("setExperimentMailWhenDone", SetMailWhenDoneAsync);

    /// <summary>The user's choice, for themself or a holder of <c>users:read</c>; the users of one response in one query.</summary>
    private static async ValueTask<object?> ExperimentMailOfAsync(ResolveContext context)
    {
        var userId = context.ParentAs<UserView>().Key;
        PrivateUserFields.Check(context, userId);
        var databases = context.Service<IDbContextFactory<IppDbContext>>();
        return await context.Request.DataLoader<long, bool>("experimentMailOfUser", async (keys, cancellationToken) =>
        {
            var ids = keys.ToArray();
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            var found = await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.ExperimentMail, cancellationToken);
            return (IReadOnlyDictionary<long, bool>)found;
        }).LoadAsync(userId);
    }

    private static async Task<SetExperimentMailPayload> SetExperimentMailAsync(ResolveContext context)
    {
        var caller = context.RequireCaller();
        var input = context.Input<SetExperimentMailInput>();
        RefuseWithoutMail(context, input.Enabled);
        await using var db = await context.Service<IDbContextFactory<IppDbContext>>().CreateDbContextAsync(context.CancellationToken);
        await db.Users.Where(u => u.Id == caller.UserId)
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.ExperimentMail, input.Enabled), context.CancellationToken);
        return new SetExperimentMailPayload { User = caller.User };
    }

    private static async Task<SetExperimentMailWhenDonePayload> SetMailWhenDoneAsync(ResolveContext context)
    {
        var caller = context.RequireCaller();
        var input = context.Input<SetExperimentMailWhenDoneInput>();
        RefuseWithoutMail(context, input.MailWhenDone == true);
        if (!GlobalId.TryDecode(input.Id, ExperimentsSchema.TypeName, out var experimentId))
        {
            throw new MutationException(new ExperimentNotFoundError(input.Id));
        }

        // Only the experiments the caller may change (their own): any other answers as one that does not exist.
        var access = context.Service<ExperimentAccess>();
        await using var db = await context.Service<IDbContextFactory<IppDbContext>>().CreateDbContextAsync(context.CancellationToken);
        var changed = await access.Reachable(db, caller, Permission.ExperimentsWrite)
            .Where(e => e.Id == experimentId)
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.MailWhenDone, input.MailWhenDone), context.CancellationToken);
        if (changed == 0)
        {
            throw new MutationException(new ExperimentNotFoundError(input.Id));
        }

        return new SetExperimentMailWhenDonePayload
        {
            Experiment = await access.FindAsync(experimentId, caller, Permission.ExperimentsRead, context.CancellationToken),
        };
    }

    private static void RefuseWithoutMail(ResolveContext context, bool wantsMail)
    {
        if (wantsMail && !context.Service<IMailSender>().IsConfigured)
        {
            throw new MutationException(new MailNotConfiguredError());
        }
    }
}

/// <summary>The <c>SetExperimentMailInput</c> input type.</summary>
public sealed record SetExperimentMailInput(bool Enabled);

/// <summary>The <c>SetExperimentMailWhenDoneInput</c> input type: null follows the owner's choice.</summary>
public sealed record SetExperimentMailWhenDoneInput(string Id, bool? MailWhenDone);

/// <summary>What <c>setExperimentMail</c> answers (the <c>SetExperimentMailPayload</c> type).</summary>
public sealed class SetExperimentMailPayload : MutationPayload
{
    public UserView? User { get; init; }
}

/// <summary>What <c>setExperimentMailWhenDone</c> answers (the <c>SetExperimentMailWhenDonePayload</c> type).</summary>
public sealed class SetExperimentMailWhenDonePayload : MutationPayload
{
    public Experiment? Experiment { get; init; }
}
