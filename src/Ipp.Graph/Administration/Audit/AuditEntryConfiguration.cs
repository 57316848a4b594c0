using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ipp.Graph.Administration.Audit;

/// <summary>Table <c>audit_log</c>: read newest first, or by actor or target.</summary>
internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.ToTable("audit_log");
        entry.HasKey(e => e.Id);
        entry.Property(e => e.Id).HasColumnName("id");
        entry.Property(e => e.OccurredAt).HasColumnName("occurred_at");
        entry.Property(e => e.ActorId).HasColumnName("actor_id");
        entry.Property(e => e.ActorLabel).HasColumnName("actor_label").HasMaxLength(AuditEntry.LabelMaxLength);
        entry.Property(e => e.Action).HasColumnName("action").HasMaxLength(64);
        entry.Property(e => e.TargetKind).HasColumnName("target_kind").HasMaxLength(64);
        entry.Property(e => e.TargetId).HasColumnName("target_id");
        entry.Property(e => e.TargetLabel).HasColumnName("target_label").HasMaxLength(AuditEntry.LabelMaxLength);
        entry.Property(e => e.DetailsJson).HasColumnName("details");
        entry.HasIndex(e => e.OccurredAt).HasDatabaseName("ix_audit_log_occurred_at");
        entry.HasIndex(e => new { e.TargetKind, e.TargetId }).HasDatabaseName("ix_audit_log_target");
    }
}
