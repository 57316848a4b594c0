using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ipp.Graph.RateLimiting;

/// <summary>Table <c>rate_limit_windows</c>: one row per key, swept by its end.</summary>
internal sealed class AttemptWindowConfiguration : IEntityTypeConfiguration<AttemptWindow>
{
    public void Configure(EntityTypeBuilder<AttemptWindow> window)
    {
        window.ToTable("rate_limit_windows");
        window.HasKey(w => w.Key);
        window.Property(w => w.Key).HasColumnName("key").HasMaxLength(AttemptWindow.KeyMaxLength);
        window.Property(w => w.EndsAt).HasColumnName("ends_at");
        window.Property(w => w.Count).HasColumnName("count");
        window.HasIndex(w => w.EndsAt).HasDatabaseName("ix_rate_limit_windows_ends_at");
    }
}
