using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ipp.Graph.Accounts.Entities;

/// <summary>Table <c>sessions</c>: one per user at most, found by its token's hash, deleted with its user.</summary>
internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> session)
    {
        session.ToTable("sessions");
        session.HasKey(s => s.Id);
        session.Property(s => s.Id).HasColumnName("id");
        session.Property(s => s.UserId).HasColumnName("user_id");
        session.Property(s => s.TokenHash).HasColumnName("token_hash").HasMaxLength(32);
        session.Property(s => s.IssuedAt).HasColumnName("issued_at");
        session.Property(s => s.ExpiresAt).HasColumnName("expires_at");
        session.HasIndex(s => s.TokenHash).IsUnique().HasDatabaseName("ix_sessions_token_hash");
        session.HasIndex(s => s.UserId).IsUnique().HasDatabaseName("ix_sessions_user_id");
        session.HasOne(s => s.User).WithOne(u => u.Session).HasForeignKey<Session>(s => s.UserId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_sessions_users_user_id");
    }
}
