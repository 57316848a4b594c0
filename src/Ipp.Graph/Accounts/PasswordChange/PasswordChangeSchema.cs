using Ipp.Graph.Engine.Binding;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.GraphQL;
using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Accounts.PasswordChange;

/// <summary><c>changePassword</c> in the contract.</summary>
public static class PasswordChangeSchema
{
    public static void Bind(SchemaBuilder schema) =>
        schema
            .BindType<ChangePasswordPayload>("ChangePasswordPayload")
            .BindType<CurrentPasswordIncorrectError>("CurrentPasswordIncorrectError")
            .BindInput<ChangePasswordInput>("ChangePasswordInput")
            .ResolveMutation("changePassword", ChangeAsync);

    /// <summary>Counted against the sign-in rate limit, as <c>authenticate</c> is: each call can guess the password.</summary>
    private static async Task<ChangePasswordPayload> ChangeAsync(ResolveContext context)
    {
        var caller = context.RequireCaller();
        var input = context.Input<ChangePasswordInput>();
        await context.Service<SignInRateLimiter>().AcquireAsync(context.Server());
        await context.Service<PasswordChanges>().ChangeAsync(caller, input.CurrentPassword, input.NewPassword, context.CancellationToken);
        return new ChangePasswordPayload { User = caller.User };
    }
}

/// <summary>The <c>ChangePasswordInput</c> input type.</summary>
public sealed record ChangePasswordInput(string CurrentPassword, string NewPassword);

/// <summary>What <c>changePassword</c> answers (the <c>ChangePasswordPayload</c> type).</summary>
public sealed class ChangePasswordPayload : MutationPayload
{
    public UserView? User { get; init; }
}
