using Ipp.Graph.Accounts.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ipp.Graph.Accounts.PasswordReset;

/// <summary>Table <c>password_reset_tokens</c>: one per user at most, found by its token's hash, deleted with its user.</summary>
internal sealed class PasswordResetTokenConfiguration : IEntityTypeConfiguration<PasswordResetToken>
{
    public void Configure(EntityTypeBuilder<PasswordResetToken> token)
    {
        token.ToTable("password_reset_tokens");
        token.HasKey(t => t.UserId);
        token.Property(t => t.UserId).HasColumnName("user_id").ValueGeneratedNever();
        token.Property(t => t.TokenHash).HasColumnName("token_hash").HasMaxLength(32);
        token.Property(t => t.CreatedAt).HasColumnName("created_at");
        token.Property(t => t.ExpiresAt).HasColumnName("expires_at");
        token.HasIndex(t => t.TokenHash).IsUnique().HasDatabaseName("ix_password_reset_tokens_token_hash");
        token.HasOne<User>().WithMany().HasForeignKey(t => t.UserId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_password_reset_tokens_users_user_id");
    }
}
