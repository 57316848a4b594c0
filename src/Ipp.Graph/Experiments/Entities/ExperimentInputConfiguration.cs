using Ipp.Graph.Library.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ipp.Graph.Experiments.Entities;

/// <summary>
/// Table <c>experiment_inputs</c>: one stored name per experiment, deleted with their experiment; the library entry an
/// input came from is kept as its id and name, without a foreign key, so deleting the entry changes nothing here. The
/// blob an image experiment's input names is indexed: deleting an entry or an experiment asks which blobs inputs name.
/// </summary>
internal sealed class ExperimentInputConfiguration : IEntityTypeConfiguration<ExperimentInput>
{
    public void Configure(EntityTypeBuilder<ExperimentInput> input)
    {
        input.ToTable("experiment_inputs");
        input.HasKey(i => i.Id);
        input.Property(i => i.Id).HasColumnName("id");
        input.Property(i => i.ExperimentId).HasColumnName("experiment_id");
        input.Property(i => i.Parameter).HasColumnName("parameter").HasMaxLength(Experiment.ApplicationKeyMaxLength);
        input.Property(i => i.StoredName).HasColumnName("stored_name").HasMaxLength(ExperimentInput.PathMaxLength);
        input.Property(i => i.OriginalName).HasColumnName("original_name").HasMaxLength(ExperimentInput.PathMaxLength);
        input.Property(i => i.Size).HasColumnName("size");
        input.Property(i => i.LibraryEntryId).HasColumnName("library_entry_id");
        input.Property(i => i.LibraryEntryName).HasColumnName("library_entry_name").HasMaxLength(LibraryEntry.NameMaxLength);
        input.Property(i => i.BlobKey).HasColumnName("blob_key").HasMaxLength(32);
        input.Property(i => i.Sha256).HasColumnName("sha256").HasMaxLength(64);
        input.HasIndex(i => i.BlobKey).HasDatabaseName("ix_experiment_inputs_blob_key");
        input.HasIndex(i => new { i.ExperimentId, i.StoredName }).IsUnique().HasDatabaseName("ix_experiment_inputs_experiment_id_stored_name");
        input.HasOne<Experiment>().WithMany(e => e.Inputs).HasForeignKey(i => i.ExperimentId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_experiment_inputs_experiments_experiment_id");
    }
}
