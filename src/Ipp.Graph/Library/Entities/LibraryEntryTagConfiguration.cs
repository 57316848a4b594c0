using Ipp.Graph.Tags.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ipp.Graph.Library.Entities;

/// <summary>Table <c>library_entry_tags</c>: goes with its entry and with its tag; found by tag for filters and shares.</summary>
internal sealed class LibraryEntryTagConfiguration : IEntityTypeConfiguration<LibraryEntryTag>
{
    public void Configure(EntityTypeBuilder<LibraryEntryTag> entryTag)
    {
        entryTag.ToTable("library_entry_tags");
        entryTag.HasKey(t => new { t.EntryId, t.TagId });
        entryTag.Property(t => t.EntryId).HasColumnName("entry_id");
        entryTag.Property(t => t.TagId).HasColumnName("tag_id");
        entryTag.HasIndex(t => new { t.TagId, t.EntryId }).HasDatabaseName("ix_library_entry_tags_tag_id_entry_id");
        entryTag.HasOne<LibraryEntry>().WithMany(e => e.Tags).HasForeignKey(t => t.EntryId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_library_entry_tags_library_entries_entry_id");
        entryTag.HasOne<Tag>().WithMany().HasForeignKey(t => t.TagId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_library_entry_tags_tags_tag_id");
    }
}
