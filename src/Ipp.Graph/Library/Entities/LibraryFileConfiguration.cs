using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ipp.Graph.Library.Entities;

/// <summary>Table <c>library_files</c>: deleted with their entry; one path per folder; blob keys unique.</summary>
internal sealed class LibraryFileConfiguration : IEntityTypeConfiguration<LibraryFile>
{
    public void Configure(EntityTypeBuilder<LibraryFile> file)
    {
        file.ToTable("library_files");
        file.HasKey(f => f.Id);
        file.Property(f => f.Id).HasColumnName("id");
        file.Property(f => f.EntryId).HasColumnName("entry_id");
        file.Property(f => f.Path).HasColumnName("path").HasMaxLength(LibraryFile.PathMaxLength);
        file.Property(f => f.Size).HasColumnName("size");
        file.Property(f => f.Sha256).HasColumnName("sha256").HasMaxLength(64);
        file.Property(f => f.BlobKey).HasColumnName("blob_key").HasMaxLength(32);
        file.HasIndex(f => new { f.EntryId, f.Path }).IsUnique().HasDatabaseName("ix_library_files_entry_id_path");
        file.HasIndex(f => f.BlobKey).IsUnique().HasDatabaseName("ix_library_files_blob_key");
        file.HasOne<LibraryEntry>().WithMany(e => e.Files).HasForeignKey(f => f.EntryId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_library_files_library_entries_entry_id");
    }
}
