using Ipp.Graph.Accounts.Entities;

namespace Ipp.Graph.Accounts.Profile;

/// <summary>
/// What a user says about themself (table <c>user_profiles</c>), IPP's sign-up settings as typed fields: at most one
/// row per user, none until something is set. Each field is null when not given.
/// </summary>
public sealed class UserProfile
{
    public long UserId { get; set; }

    public User User { get; set; } = null!;

    /// <summary>IPP's <c>fname</c>.</summary>
    public string? FirstName { get; set; }

    /// <summary>IPP's <c>lname</c>.</summary>
    public string? LastName { get; set; }

    /// <summary>IPP's <c>institution</c>.</summary>
    public string? Institution { get; set; }

    /// <summary>IPP's <c>intention</c>: what the user means to use the portal for.</summary>
    public string? IntendedUse { get; set; }

    /// <summary>IPP's <c>referral</c>: how the user heard of the portal.</summary>
    public string? Referral { get; set; }
}
