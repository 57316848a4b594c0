using Ipp.Graph.Accounts.Entities;
using Ipp.Graph.Images.Entities;
using Ipp.Graph.Picas;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ipp.Graph.Experiments.Entities;

/// <summary>
/// Table <c>experiments</c>: deleted with their owner; listed by owner and creation time. An experiment on an image
/// keeps its snapshot when the image is deleted (the foreign key sets <c>image_id</c> null); its token id is unique.
/// </summary>
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
        experiment.Property(e => e.ImageId).HasColumnName("image_id");
        experiment.Property(e => e.ImageSnapshotJson).HasColumnName("image_snapshot");
        experiment.Property(e => e.CatalogueSnapshotJson).HasColumnName("catalogue_snapshot");
        experiment.Property(e => e.TokenId).HasColumnName("token_id").HasMaxLength(PicasTokenDocument.MaxIdLength);
        experiment.Property(e => e.TokenState).HasColumnName("token_state").HasMaxLength(16)
            .HasConversion(state => state == ExperimentTokenState.InPool ? "IN_POOL" : "QUEUED", text => text == "IN_POOL" ? ExperimentTokenState.InPool : ExperimentTokenState.Queued);
        experiment.Property(e => e.TokenRevision).HasColumnName("token_revision");
        experiment.HasIndex(e => new { e.UserId, e.CreatedAt }).HasDatabaseName("ix_experiments_user_id_created_at");
        experiment.HasIndex(e => e.TokenId).IsUnique().HasDatabaseName("ix_experiments_token_id");
        experiment.HasIndex(e => new { e.ImageId, e.Status }).HasDatabaseName("ix_experiments_image_id_status");
        experiment.HasOne<ContainerImage>().WithMany().HasForeignKey(e => e.ImageId)
            .OnDelete(DeleteBehavior.SetNull).HasConstraintName("fk_experiments_container_images_image_id");
        experiment.HasOne<User>().WithMany().HasForeignKey(e => e.UserId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_experiments_users_user_id");
    }
}
