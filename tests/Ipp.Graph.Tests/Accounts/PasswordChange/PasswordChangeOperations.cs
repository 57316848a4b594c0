namespace Ipp.Graph.Tests.Accounts;

/// <summary>The operation of <c>changePassword</c>, with variables <c>current</c> and <c>new</c>.</summary>
public static class PasswordChangeOperations
{
    public const string Change =
        "mutation($current: String!, $new: String!) { changePassword(input: {currentPassword: $current, newPassword: $new}) { user { email } "
        + "errors { __typename ... on Error { code message } ... on RateLimitedError { retryAfter } } } }";
}
