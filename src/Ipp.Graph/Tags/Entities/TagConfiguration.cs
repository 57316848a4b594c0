using Ipp.Graph.Accounts.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ipp.Graph.Tags.Entities;

/// <summary>
/// Table <c>tags</c>: a user's own tags go with the user; names are unique (as compared) among one user's tags and
/// among the custom tags, each by a partial index (a NULL owner is distinct from every other in a plain one).
/// </summary>
internal sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> tag)
    {
        tag.ToTable("tags");
        tag.HasKey(t => t.Id);
        tag.Property(t => t.Id).HasColumnName("id");
        tag.Property(t => t.OwnerId).HasColumnName("owner_id");
        tag.Property(t => t.Name).HasColumnName("name").HasMaxLength(Tag.NameColumnLength);
        tag.Property(t => t.NormalizedName).HasColumnName("normalized_name").HasMaxLength(Tag.NameColumnLength);
        tag.Property(t => t.CreatedAt).HasColumnName("created_at");
        tag.HasIndex(t => new { t.OwnerId, t.NormalizedName }).IsUnique()
            .HasFilter("owner_id IS NOT NULL").HasDatabaseName("ix_tags_owner_id_normalized_name");
        tag.HasIndex(t => t.NormalizedName).IsUnique()
            .HasFilter("owner_id IS NULL").HasDatabaseName("ix_tags_custom_normalized_name");
        tag.HasOne<User>().WithMany().HasForeignKey(t => t.OwnerId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_tags_users_owner_id");
    }
}
