using Ipp.Graph.Accounts.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ipp.Graph.Library.Entities;

/// <summary>
/// Table <c>library_entries</c>: deleted with their owner; names unique per owner (as compared); at most one per
/// experiment whose outputs it holds; indexed for the
/// list's sort keys within one owner's entries, and across owners for the files list. The kind is stored as the contract's enum value (FILE, FOLDER).
/// </summary>
internal sealed class LibraryEntryConfiguration : IEntityTypeConfiguration<LibraryEntry>
{
    /// <summary>The unique index that makes one output entry per experiment.</summary>
    public const string ExperimentIndex = "ix_library_entries_experiment_id";

    public void Configure(EntityTypeBuilder<LibraryEntry> entry)
    {
        entry.ToTable("library_entries");
        entry.HasKey(e => e.Id);
        entry.Property(e => e.Id).HasColumnName("id");
        entry.Property(e => e.OwnerId).HasColumnName("owner_id");
        entry.Property(e => e.Name).HasColumnName("name").HasMaxLength(LibraryEntry.NameMaxLength);
        entry.Property(e => e.NormalizedName).HasColumnName("normalized_name").HasMaxLength(LibraryEntry.NameMaxLength);
        entry.Property(e => e.Kind).HasColumnName("kind").HasMaxLength(6)
            .HasConversion(kind => kind == LibraryEntryKind.Folder ? "FOLDER" : "FILE", text => text == "FOLDER" ? LibraryEntryKind.Folder : LibraryEntryKind.File);
        entry.Property(e => e.Size).HasColumnName("size");
        entry.Property(e => e.Sha256).HasColumnName("sha256").HasMaxLength(64);
        entry.Property(e => e.FileCount).HasColumnName("file_count");
        entry.Property(e => e.CreatedAt).HasColumnName("created_at");
        entry.Property(e => e.StoredBytes).HasColumnName("stored_bytes");
        entry.Property(e => e.ExperimentId).HasColumnName("experiment_id");
        entry.HasIndex(e => e.ExperimentId).IsUnique().HasDatabaseName(ExperimentIndex);
        entry.HasIndex(e => new { e.OwnerId, e.NormalizedName }).IsUnique().HasDatabaseName("ix_library_entries_owner_id_normalized_name");
        entry.HasIndex(e => new { e.OwnerId, e.CreatedAt }).HasDatabaseName("ix_library_entries_owner_id_created_at");
        entry.HasIndex(e => new { e.OwnerId, e.Size }).HasDatabaseName("ix_library_entries_owner_id_size");

        // The files list's orders over everything a caller sees (their own OR what is shared: no one owner's index
        // serves it): walked in order, a page stops at its last row instead of sorting every row (LibraryListIndexes).
        entry.HasIndex(e => new { e.CreatedAt, e.Id }).HasDatabaseName("ix_library_entries_created_at_id");
        entry.HasIndex(e => new { e.NormalizedName, e.Id }).HasDatabaseName("ix_library_entries_normalized_name_id");
        entry.HasIndex(e => new { e.Size, e.Id }).HasDatabaseName("ix_library_entries_size_id");
        entry.HasOne<User>().WithMany().HasForeignKey(e => e.OwnerId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_library_entries_users_owner_id");
    }
}
