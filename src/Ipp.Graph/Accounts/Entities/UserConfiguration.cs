using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ipp.Graph.Accounts.Entities;

/// <summary>Table <c>users</c>.</summary>
internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> user)
    {
        user.ToTable("users");
        user.HasKey(u => u.Id);
        user.Property(u => u.Id).HasColumnName("id");
        user.Property(u => u.Email).HasColumnName("email").HasMaxLength(User.EmailMaxLength);
        user.Property(u => u.NormalizedEmail).HasColumnName("normalized_email").HasMaxLength(User.EmailMaxLength);
        user.Property(u => u.PasswordHash).HasColumnName("password_hash").HasMaxLength(100);
        user.Property(u => u.CreatedAt).HasColumnName("created_at");
        // The defaults are what the rows made before these columns existed hold (approved, enabled, never changed).
        user.Property(u => u.Approval).HasColumnName("approval").HasMaxLength(16)
            .HasConversion(state => ApprovalStates.NameOf(state), name => ApprovalStates.Parse(name)).HasDefaultValue(ApprovalState.Approved);
        user.Property(u => u.Disabled).HasColumnName("disabled").HasDefaultValue(false);
        user.Property(u => u.GrantsVersion).HasColumnName("grants_version").HasDefaultValue(0L);
        user.Property(u => u.ExperimentMail).HasColumnName("experiment_mail").HasDefaultValue(false);
        user.HasIndex(u => u.NormalizedEmail).IsUnique().HasDatabaseName("ix_users_normalized_email");
    }
}
