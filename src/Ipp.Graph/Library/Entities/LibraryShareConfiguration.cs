using Ipp.Graph.Accounts.Entities;
using Ipp.Graph.Groups.Entities;
using Ipp.Graph.Tags.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ipp.Graph.Library.Entities;

/// <summary>
/// Table <c>library_shares</c>: goes with its owner, its entry or tag, and its user or group. Check constraints hold
/// exactly one of entry and tag, and of user and group; partial unique indexes hold one grant per target and grantee.
/// </summary>
internal sealed class LibraryShareConfiguration : IEntityTypeConfiguration<LibraryShare>
{
    public void Configure(EntityTypeBuilder<LibraryShare> share)
    {
        share.ToTable("library_shares", table =>
        {
            table.HasCheckConstraint("ck_library_shares_entry_or_tag", "(entry_id IS NULL) <> (tag_id IS NULL)");
            table.HasCheckConstraint("ck_library_shares_user_or_group", "(user_id IS NULL) <> (group_id IS NULL)");
        });
        share.HasKey(s => s.Id);
        share.Property(s => s.Id).HasColumnName("id");
        share.Property(s => s.OwnerId).HasColumnName("owner_id");
        share.Property(s => s.EntryId).HasColumnName("entry_id");
        share.Property(s => s.TagId).HasColumnName("tag_id");
        share.Property(s => s.UserId).HasColumnName("user_id");
        share.Property(s => s.GroupId).HasColumnName("group_id");
        share.Property(s => s.CreatedAt).HasColumnName("created_at");
        share.HasIndex(s => new { s.EntryId, s.UserId }).IsUnique()
            .HasFilter("entry_id IS NOT NULL AND user_id IS NOT NULL").HasDatabaseName("ix_library_shares_entry_user");
        share.HasIndex(s => new { s.EntryId, s.GroupId }).IsUnique()
            .HasFilter("entry_id IS NOT NULL AND group_id IS NOT NULL").HasDatabaseName("ix_library_shares_entry_group");
        share.HasIndex(s => new { s.OwnerId, s.TagId, s.UserId }).IsUnique()
            .HasFilter("tag_id IS NOT NULL AND user_id IS NOT NULL").HasDatabaseName("ix_library_shares_owner_tag_user");
        share.HasIndex(s => new { s.OwnerId, s.TagId, s.GroupId }).IsUnique()
            .HasFilter("tag_id IS NOT NULL AND group_id IS NOT NULL").HasDatabaseName("ix_library_shares_owner_tag_group");
        share.HasIndex(s => s.UserId).HasDatabaseName("ix_library_shares_user_id");
        share.HasIndex(s => s.GroupId).HasDatabaseName("ix_library_shares_group_id");
        // What LibraryVisibility asks of every row it reads: the grants of this entry, and of its owner's tags
        // (the partial unique indexes above do not serve those conditions) (LibraryListIndexes).
        share.HasIndex(s => s.EntryId).HasDatabaseName("ix_library_shares_entry_id");
        share.HasIndex(s => new { s.OwnerId, s.TagId }).HasDatabaseName("ix_library_shares_owner_id_tag_id");
        share.HasOne<User>().WithMany().HasForeignKey(s => s.OwnerId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_library_shares_users_owner_id");
        share.HasOne<LibraryEntry>().WithMany().HasForeignKey(s => s.EntryId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_library_shares_library_entries_entry_id");
        share.HasOne<Tag>().WithMany().HasForeignKey(s => s.TagId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_library_shares_tags_tag_id");
        share.HasOne<User>().WithMany().HasForeignKey(s => s.UserId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_library_shares_users_user_id");
        share.HasOne<Group>().WithMany().HasForeignKey(s => s.GroupId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_library_shares_groups_group_id");
    }
}
