using Ipp.Graph.Accounts.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ipp.Graph.Accounts.AccessTokens;

/// <summary>Table <c>access_tokens</c>: found by the token's hash, names unique per user, deleted with their user.</summary>
internal sealed class PersonalAccessTokenConfiguration : IEntityTypeConfiguration<PersonalAccessToken>
{
    public void Configure(EntityTypeBuilder<PersonalAccessToken> token)
    {
        token.ToTable("access_tokens");
        token.HasKey(t => t.Id);
        token.Property(t => t.Id).HasColumnName("id");
        token.Property(t => t.UserId).HasColumnName("user_id");
        token.Property(t => t.Name).HasColumnName("name").HasMaxLength(AccessTokenNames.MaxLength);
        token.Property(t => t.TokenHash).HasColumnName("token_hash").HasMaxLength(32);
        token.Property(t => t.ReadOnly).HasColumnName("read_only");
        token.Property(t => t.CreatedAt).HasColumnName("created_at");
        token.Property(t => t.ExpiresAt).HasColumnName("expires_at");
        token.Property(t => t.LastUsedAt).HasColumnName("last_used_at");
        token.HasIndex(t => t.TokenHash).IsUnique().HasDatabaseName("ix_access_tokens_token_hash");
        token.HasIndex(t => new { t.UserId, t.Name }).IsUnique().HasDatabaseName("ix_access_tokens_user_id_name");
        token.HasOne<User>().WithMany().HasForeignKey(t => t.UserId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_access_tokens_users_user_id");
    }
}
