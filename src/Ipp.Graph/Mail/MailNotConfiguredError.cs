using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Mail;

/// <summary>What was asked needs mail, which this server does not send (<c>MAIL_NOT_CONFIGURED</c>).</summary>
public sealed class MailNotConfiguredError() : MutationError("This server sends no mail (its administrator has not configured it), which this needs.")
{
    public override string Code => MailErrorCodes.MailNotConfigured;
}
