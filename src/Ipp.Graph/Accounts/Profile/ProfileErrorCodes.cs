namespace Ipp.Graph.Accounts.Profile;

/// <summary>The <c>extensions.code</c> values of the profile's errors.</summary>
public static class ProfileErrorCodes
{
    /// <summary>A profile field is too long, or holds a control character or a lone surrogate.</summary>
    public const string InvalidProfile = "INVALID_PROFILE";
}
