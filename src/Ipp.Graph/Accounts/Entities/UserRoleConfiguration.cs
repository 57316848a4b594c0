using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ipp.Graph.Accounts.Entities;

/// <summary>Table <c>user_roles</c>: deleted with their user.</summary>
internal sealed class UserRoleConfiguration : IEntityTypeConfiguration<UserRole>
{
    public void Configure(EntityTypeBuilder<UserRole> role)
    {
        role.ToTable("user_roles");
        role.HasKey(r => new { r.UserId, r.Role });
        role.Property(r => r.UserId).HasColumnName("user_id");
        role.Property(r => r.Role).HasColumnName("role").HasMaxLength(32);
        role.HasOne<User>().WithMany(u => u.Roles).HasForeignKey(r => r.UserId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_user_roles_users_user_id");
    }
}
