namespace Ipp.Graph.Accounts.Profile;

/// <summary>The <c>ProfileInput</c> and <c>UpdateProfileInput</c> input types: each field optional.</summary>
public sealed record ProfileInput(string? FirstName, string? LastName, string? Institution, string? IntendedUse, string? Referral);
