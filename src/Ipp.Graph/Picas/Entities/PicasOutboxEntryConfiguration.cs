using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ipp.Graph.Picas.Entities;

/// <summary>Table <c>picas_outbox</c>: the worker asks for waiting tokens by their next attempt, so indexed by both.</summary>
internal sealed class PicasOutboxEntryConfiguration : IEntityTypeConfiguration<PicasOutboxEntry>
{
    public void Configure(EntityTypeBuilder<PicasOutboxEntry> entry)
    {
        entry.ToTable("picas_outbox");
        entry.HasKey(e => e.TokenId);
        entry.Property(e => e.TokenId).HasColumnName("token_id").HasMaxLength(PicasTokenDocument.MaxIdLength);
        entry.Property(e => e.Document).HasColumnName("document");
        entry.Property(e => e.Attempts).HasColumnName("attempts");
        entry.Property(e => e.NextAttemptAt).HasColumnName("next_attempt_at");
        entry.Property(e => e.PostedAt).HasColumnName("posted_at");
        entry.Property(e => e.LastFailure).HasColumnName("last_failure").HasMaxLength(500);
        entry.Property(e => e.CreatedAt).HasColumnName("created_at");
        entry.HasIndex(e => new { e.PostedAt, e.NextAttemptAt }).HasDatabaseName("ix_picas_outbox_posted_at_next_attempt_at");
    }
}
