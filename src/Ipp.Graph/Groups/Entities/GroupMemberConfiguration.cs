using Ipp.Graph.Accounts.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ipp.Graph.Groups.Entities;

/// <summary>Table <c>group_members</c>: a membership goes with its group and with its user.</summary>
internal sealed class GroupMemberConfiguration : IEntityTypeConfiguration<GroupMember>
{
    public void Configure(EntityTypeBuilder<GroupMember> member)
    {
        member.ToTable("group_members");
        member.HasKey(m => new { m.GroupId, m.UserId });
        member.Property(m => m.GroupId).HasColumnName("group_id");
        member.Property(m => m.UserId).HasColumnName("user_id");
        member.HasIndex(m => m.UserId).HasDatabaseName("ix_group_members_user_id");
        member.HasOne<Group>().WithMany(g => g.Members).HasForeignKey(m => m.GroupId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_group_members_groups_group_id");
        member.HasOne<User>().WithMany().HasForeignKey(m => m.UserId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_group_members_users_user_id");
    }
}
