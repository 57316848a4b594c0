using Ipp.Graph.Engine.Binding;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.GraphQL;
using Ipp.Graph.GraphQL.Mutations;
using Ipp.Graph.Mail;

namespace Ipp.Graph.Accounts.PasswordReset;

/// <summary>Password reset by email in the contract: <c>requestPasswordReset</c> and <c>resetPassword</c>.</summary>
public static class PasswordResetSchema
{
    public static void Bind(SchemaBuilder schema) =>
        schema
            .BindType<RequestPasswordResetPayload>("RequestPasswordResetPayload")
            .BindType<ResetPasswordPayload>("ResetPasswordPayload")
            .BindType<PasswordResetTokenInvalidError>("PasswordResetTokenInvalidError")
            .BindType<MailNotConfiguredError>("MailNotConfiguredError")
            .BindInput<RequestPasswordResetInput>("RequestPasswordResetInput")
            .BindInput<ResetPasswordInput>("ResetPasswordInput")
            .ResolveMutation("requestPasswordReset", RequestAsync)
            .ResolveMutation("resetPassword", ResetAsync);

    /// <summary>The same answer for every address: the work that tells them apart happens later (<see cref="PasswordResetMails"/>).</summary>
    private static async Task<RequestPasswordResetPayload> RequestAsync(ResolveContext context)
    {
        var input = context.Input<RequestPasswordResetInput>();
        if (!context.Service<IMailSender>().IsConfigured)
        {
            throw new MutationException(new MailNotConfiguredError());
        }

        await context.Service<PasswordResetRateLimiter>().AcquireAsync(context.Server());
        context.Service<PasswordResetMails>().Enqueue(input.Email);
        return new RequestPasswordResetPayload { Email = input.Email };
    }

    private static async Task<ResetPasswordPayload> ResetAsync(ResolveContext context)
    {
        var input = context.Input<ResetPasswordInput>();
        var email = await context.Service<PasswordResets>().ResetAsync(input.Token, input.NewPassword, context.CancellationToken);
        return new ResetPasswordPayload { Email = email };
    }
}

/// <summary>The <c>RequestPasswordResetInput</c> input type.</summary>
public sealed record RequestPasswordResetInput(string Email);

/// <summary>The <c>ResetPasswordInput</c> input type.</summary>
public sealed record ResetPasswordInput(string Token, string NewPassword);

/// <summary>What <c>requestPasswordReset</c> answers: the address as given, whether an account has it or not.</summary>
public sealed class RequestPasswordResetPayload : MutationPayload
{
    public string? Email { get; init; }
}

/// <summary>What <c>resetPassword</c> answers: the email of the account whose password was set.</summary>
public sealed class ResetPasswordPayload : MutationPayload
{
    public string? Email { get; init; }
}
