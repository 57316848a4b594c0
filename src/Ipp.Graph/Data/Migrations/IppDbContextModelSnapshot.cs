using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Ipp.Graph.Data.Migrations;

/// <summary>
/// The model as the migrations leave it, written by hand as EF's tools would: EF compares it with
/// <see cref="IppDbContext"/>'s model to tell whether a migration is missing (a test asserts none is).
/// </summary>
[DbContext(typeof(IppDbContext))]
public sealed class IppDbContextModelSnapshot : ModelSnapshot
{
    protected override void BuildModel(ModelBuilder modelBuilder)
    {
        modelBuilder.HasAnnotation("ProductVersion", "10.0.14");

        modelBuilder.Entity("Ipp.Graph.Data.User", user =>
        {
            user.Property<long>("Id").ValueGeneratedOnAdd().HasColumnType("INTEGER").HasColumnName("id");
            user.Property<DateTime>("CreatedAt").HasColumnType("TEXT").HasColumnName("created_at");
            user.Property<string>("Email").IsRequired().HasMaxLength(254).HasColumnType("TEXT").HasColumnName("email");
            user.Property<string>("NormalizedEmail").IsRequired().HasMaxLength(254).HasColumnType("TEXT").HasColumnName("normalized_email");
            user.Property<string>("PasswordHash").IsRequired().HasMaxLength(100).HasColumnType("TEXT").HasColumnName("password_hash");
            user.HasKey("Id");
            user.HasIndex("NormalizedEmail").IsUnique().HasDatabaseName("ix_users_normalized_email");
            user.ToTable("users");
        });

        modelBuilder.Entity("Ipp.Graph.Data.UserRole", role =>
        {
            role.Property<long>("UserId").HasColumnType("INTEGER").HasColumnName("user_id");
            role.Property<string>("Role").HasMaxLength(32).HasColumnType("TEXT").HasColumnName("role");
            role.HasKey("UserId", "Role");
            role.ToTable("user_roles");
        });

        modelBuilder.Entity("Ipp.Graph.Data.Session", session =>
        {
            session.Property<long>("Id").ValueGeneratedOnAdd().HasColumnType("INTEGER").HasColumnName("id");
            session.Property<DateTime>("ExpiresAt").HasColumnType("TEXT").HasColumnName("expires_at");
            session.Property<DateTime>("IssuedAt").HasColumnType("TEXT").HasColumnName("issued_at");
            session.Property<byte[]>("TokenHash").IsRequired().HasMaxLength(32).HasColumnType("BLOB").HasColumnName("token_hash");
            session.Property<long>("UserId").HasColumnType("INTEGER").HasColumnName("user_id");
            session.HasKey("Id");
            session.HasIndex("TokenHash").IsUnique().HasDatabaseName("ix_sessions_token_hash");
            session.HasIndex("UserId").IsUnique().HasDatabaseName("ix_sessions_user_id");
            session.ToTable("sessions");
        });

        modelBuilder.Entity("Ipp.Graph.Data.UserRole", role =>
        {
            role.HasOne("Ipp.Graph.Data.User", null)
                .WithMany("Roles")
                .HasForeignKey("UserId")
                .OnDelete(DeleteBehavior.Cascade)
                .IsRequired()
                .HasConstraintName("fk_user_roles_users_user_id");
        });

        modelBuilder.Entity("Ipp.Graph.Data.Session", session =>
        {
            session.HasOne("Ipp.Graph.Data.User", "User")
                .WithOne("Session")
                .HasForeignKey("Ipp.Graph.Data.Session", "UserId")
                .OnDelete(DeleteBehavior.Cascade)
                .IsRequired()
                .HasConstraintName("fk_sessions_users_user_id");
            session.Navigation("User");
        });

        modelBuilder.Entity("Ipp.Graph.Data.User", user =>
        {
            user.Navigation("Roles");
            user.Navigation("Session");
        });
    }
}
