using Ipp.Graph.Tags.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ipp.Graph.Experiments.Entities;

/// <summary>Table <c>experiment_tags</c>: goes with its experiment and with its tag; found by tag for issue 13's filters.</summary>
internal sealed class ExperimentTagConfiguration : IEntityTypeConfiguration<ExperimentTag>
{
    public void Configure(EntityTypeBuilder<ExperimentTag> experimentTag)
    {
        experimentTag.ToTable("experiment_tags");
        experimentTag.HasKey(t => new { t.ExperimentId, t.TagId });
        experimentTag.Property(t => t.ExperimentId).HasColumnName("experiment_id");
        experimentTag.Property(t => t.TagId).HasColumnName("tag_id");
        experimentTag.HasIndex(t => new { t.TagId, t.ExperimentId }).HasDatabaseName("ix_experiment_tags_tag_id_experiment_id");
        experimentTag.HasOne<Experiment>().WithMany(e => e.Tags).HasForeignKey(t => t.ExperimentId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_experiment_tags_experiments_experiment_id");
        experimentTag.HasOne<Tag>().WithMany().HasForeignKey(t => t.TagId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_experiment_tags_tags_tag_id");
    }
}
