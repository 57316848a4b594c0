using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ipp.Graph.Groups.Entities;

/// <summary>Table <c>groups</c>: names unique as compared (without regard to case).</summary>
internal sealed class GroupConfiguration : IEntityTypeConfiguration<Group>
{
    public void Configure(EntityTypeBuilder<Group> group)
    {
        group.ToTable("groups");
        group.HasKey(g => g.Id);
        group.Property(g => g.Id).HasColumnName("id");
        group.Property(g => g.Name).HasColumnName("name").HasMaxLength(Group.NameColumnLength);
        group.Property(g => g.NormalizedName).HasColumnName("normalized_name").HasMaxLength(Group.NameColumnLength);
        group.Property(g => g.CreatedAt).HasColumnName("created_at");
        group.HasIndex(g => g.NormalizedName).IsUnique().HasDatabaseName("ix_groups_normalized_name");
    }
}
