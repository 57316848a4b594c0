namespace Ipp.Graph.Accounts.Profile;

/// <summary>A user's profile as the API shows it (the <c>Profile</c> type); every field null for a user who set none.</summary>
public sealed record ProfileView(string? FirstName, string? LastName, string? Institution, string? IntendedUse, string? Referral)
{
    /// <summary>The profile of a user who set nothing.</summary>
    public static readonly ProfileView Empty = new(null, null, null, null, null);

    public static ProfileView Of(UserProfile profile) =>
        new(profile.FirstName, profile.LastName, profile.Institution, profile.IntendedUse, profile.Referral);
}
