using Ipp.Graph.Accounts.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ipp.Graph.Accounts.Profile;

/// <summary>Table <c>user_profiles</c>: keyed by its user, deleted with them; each column as long as its limit allows.</summary>
internal sealed class UserProfileConfiguration : IEntityTypeConfiguration<UserProfile>
{
    public void Configure(EntityTypeBuilder<UserProfile> profile)
    {
        profile.ToTable("user_profiles");
        profile.HasKey(p => p.UserId);
        profile.Property(p => p.UserId).HasColumnName("user_id").ValueGeneratedNever();
        // Limits count characters (code points), a column's length UTF-16 units: at most two per character.
        profile.Property(p => p.FirstName).HasColumnName("first_name").HasMaxLength(2 * ProfileLimits.FirstName);
        profile.Property(p => p.LastName).HasColumnName("last_name").HasMaxLength(2 * ProfileLimits.LastName);
        profile.Property(p => p.Institution).HasColumnName("institution").HasMaxLength(2 * ProfileLimits.Institution);
        profile.Property(p => p.IntendedUse).HasColumnName("intended_use").HasMaxLength(2 * ProfileLimits.IntendedUse);
        profile.Property(p => p.Referral).HasColumnName("referral").HasMaxLength(2 * ProfileLimits.Referral);
        profile.HasOne(p => p.User).WithOne().HasForeignKey<UserProfile>(p => p.UserId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_user_profiles_users_user_id");
    }
}
