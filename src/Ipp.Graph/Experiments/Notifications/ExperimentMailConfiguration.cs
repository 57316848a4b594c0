using Ipp.Graph.Experiments.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ipp.Graph.Experiments.Notifications;

/// <summary>Table <c>experiment_mails</c>: one row per event at most (its key), gone with the event.</summary>
internal sealed class ExperimentMailConfiguration : IEntityTypeConfiguration<ExperimentMail>
{
    public void Configure(EntityTypeBuilder<ExperimentMail> mail)
    {
        mail.ToTable("experiment_mails");
        mail.HasKey(m => m.EventId);
        mail.Property(m => m.EventId).HasColumnName("event_id").ValueGeneratedNever();
        mail.Property(m => m.ClaimedBy).HasColumnName("claimed_by").HasMaxLength(ExperimentMail.ClaimedByMaxLength);
        mail.Property(m => m.ClaimedAt).HasColumnName("claimed_at");
        mail.Property(m => m.Attempts).HasColumnName("attempts").HasDefaultValue(0);
        mail.Property(m => m.NotBefore).HasColumnName("not_before");
        mail.HasOne(m => m.Event).WithOne().HasForeignKey<ExperimentMail>(m => m.EventId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_experiment_mails_experiment_events_event_id");
    }
}
