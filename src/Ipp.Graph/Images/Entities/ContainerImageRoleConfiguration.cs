using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ipp.Graph.Images.Entities;

/// <summary>
/// Table <c>container_image_roles</c>: a link goes with its image; the index on the role finds the images of a
/// caller's roles.
/// </summary>
internal sealed class ContainerImageRoleConfiguration : IEntityTypeConfiguration<ContainerImageRole>
{
    public void Configure(EntityTypeBuilder<ContainerImageRole> link)
    {
        link.ToTable("container_image_roles");
        link.HasKey(r => new { r.ImageId, r.Role });
        link.Property(r => r.ImageId).HasColumnName("image_id");
        link.Property(r => r.Role).HasColumnName("role").HasMaxLength(32);
        link.HasIndex(r => r.Role).HasDatabaseName("ix_container_image_roles_role");
        link.HasOne<ContainerImage>().WithMany(i => i.Roles).HasForeignKey(r => r.ImageId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_container_image_roles_container_images_image_id");
    }
}
