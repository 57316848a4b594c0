namespace Ipp.Graph.Accounts.Profile;

/// <summary>
/// The most characters (Unicode code points) each profile field may have: generous for what the field holds,
/// small enough that a profile stays a few kilobytes (README, "Profile").
/// </summary>
public static class ProfileLimits
{
    public const int FirstName = 100;

    public const int LastName = 100;

    public const int Institution = 200;

    public const int IntendedUse = 2000;

    public const int Referral = 500;
}
