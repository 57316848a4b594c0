using Ipp.Graph.Accounts.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ipp.Graph.Experiments.Entities;

/// <summary>Table <c>experiments</c>: deleted with their owner; listed by owner and creation time.</summary>
internal sealed class ExperimentConfiguration : IEntityTypeConfiguration<Experiment>
{
    public void Configure(EntityTypeBuilder<Experiment> experiment)
    {
        experiment.ToTable("experiments");
        experiment.HasKey(e => e.Id);
        experiment.Property(e => e.Id).HasColumnName("id");
        experiment.Property(e => e.UserId).HasColumnName("user_id");
        experiment.Property(e => e.ApplicationKey).HasColumnName("application_key").HasMaxLength(Experiment.ApplicationKeyMaxLength);
        experiment.Property(e => e.Name).HasColumnName("name").HasMaxLength(Experiment.NameMaxLength);
        experiment.Property(e => e.Description).HasColumnName("description").HasMaxLength(Experiment.DescriptionMaxLength);
        experiment.Property(e => e.ParametersJson).HasColumnName("parameters");
        experiment.Property(e => e.Status).HasColumnName("status").AsStatusName();
        experiment.Property(e => e.StatusChangedAt).HasColumnName("status_changed_at");
        experiment.Property(e => e.CreatedAt).HasColumnName("created_at");
        experiment.Property(e => e.StoredBytes).HasColumnName("stored_bytes");
        experiment.Property(e => e.MailWhenDone).HasColumnName("mail_when_done");
        experiment.HasIndex(e => new { e.UserId, e.CreatedAt }).HasDatabaseName("ix_experiments_user_id_created_at");
        experiment.HasOne<User>().WithMany().HasForeignKey(e => e.UserId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_experiments_users_user_id");
    }
}
