using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ipp.Graph.Experiments.Entities;

/// <summary>Table <c>experiment_events</c>: read by owner after a cursor, so indexed by both.</summary>
internal sealed class ExperimentEventConfiguration : IEntityTypeConfiguration<ExperimentEvent>
{
    public void Configure(EntityTypeBuilder<ExperimentEvent> change)
    {
        change.ToTable("experiment_events");
        change.HasKey(c => c.Id);
        change.Property(c => c.Id).HasColumnName("id");
        change.Property(c => c.ExperimentId).HasColumnName("experiment_id");
        change.Property(c => c.UserId).HasColumnName("user_id");
        change.Property(c => c.Status).HasColumnName("status").AsStatusName();
        change.Property(c => c.PreviousStatus).HasColumnName("previous_status").AsStatusName();
        change.Property(c => c.OccurredAt).HasColumnName("occurred_at");
        change.Property(c => c.Reason).HasColumnName("reason").HasMaxLength(ExperimentEvent.ReasonMaxLength);
        change.HasIndex(c => new { c.UserId, c.Id }).HasDatabaseName("ix_experiment_events_user_id_id");
    }
}
