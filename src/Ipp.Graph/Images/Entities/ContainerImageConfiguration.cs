using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ipp.Graph.Images.Entities;

/// <summary>Table <c>container_images</c>: names unique as compared (without regard to case), paths unique as written.</summary>
internal sealed class ContainerImageConfiguration : IEntityTypeConfiguration<ContainerImage>
{
    /// <summary>The unique index of the compared names.</summary>
    public const string NameIndex = "ix_container_images_normalized_name";

    /// <summary>The unique index of the paths.</summary>
    public const string PathIndex = "ix_container_images_path";

    public void Configure(EntityTypeBuilder<ContainerImage> image)
    {
        image.ToTable("container_images");
        image.HasKey(i => i.Id);
        image.Property(i => i.Id).HasColumnName("id");
        image.Property(i => i.Name).HasColumnName("name").HasMaxLength(ContainerImage.NameColumnLength);
        image.Property(i => i.NormalizedName).HasColumnName("normalized_name").HasMaxLength(ContainerImage.NameColumnLength);
        image.Property(i => i.Path).HasColumnName("path").HasMaxLength(ContainerImage.PathColumnLength);
        image.Property(i => i.ParametersJson).HasColumnName("parameters");
        image.Property(i => i.Version).HasColumnName("version");
        image.Property(i => i.CreatedAt).HasColumnName("created_at");
        image.Property(i => i.UpdatedAt).HasColumnName("updated_at");
        image.HasIndex(i => i.NormalizedName).IsUnique().HasDatabaseName(NameIndex);
        image.HasIndex(i => i.Path).IsUnique().HasDatabaseName(PathIndex);
    }
}
