using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ipp.Graph.Picas.Entities;

/// <summary>Table <c>picas_feed_positions</c>.</summary>
internal sealed class PicasFeedPositionConfiguration : IEntityTypeConfiguration<PicasFeedPosition>
{
    public void Configure(EntityTypeBuilder<PicasFeedPosition> position)
    {
        position.ToTable("picas_feed_positions");
        position.HasKey(p => p.Database);
        position.Property(p => p.Database).HasColumnName("database").HasMaxLength(238);
        position.Property(p => p.Sequence).HasColumnName("sequence");
        position.Property(p => p.UpdatedAt).HasColumnName("updated_at");
    }
}
