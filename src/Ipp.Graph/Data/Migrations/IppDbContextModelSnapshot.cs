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

        modelBuilder.Entity("Ipp.Graph.Data.Experiment", experiment =>
        {
            experiment.Property<long>("Id").ValueGeneratedOnAdd().HasColumnType("INTEGER").HasColumnName("id");
            experiment.Property<string>("ApplicationKey").IsRequired().HasMaxLength(128).HasColumnType("TEXT").HasColumnName("application_key");
            experiment.Property<DateTime>("CreatedAt").HasColumnType("TEXT").HasColumnName("created_at");
            experiment.Property<string>("Description").HasMaxLength(4000).HasColumnType("TEXT").HasColumnName("description");
            experiment.Property<string>("Name").IsRequired().HasMaxLength(200).HasColumnType("TEXT").HasColumnName("name");
            experiment.Property<string>("ParametersJson").IsRequired().HasColumnType("TEXT").HasColumnName("parameters");
            experiment.Property<string>("Status").IsRequired().HasMaxLength(16).HasColumnType("TEXT").HasColumnName("status");
            experiment.Property<DateTime>("StatusChangedAt").HasColumnType("TEXT").HasColumnName("status_changed_at");
            experiment.Property<long>("StoredBytes").HasColumnType("INTEGER").HasColumnName("stored_bytes");
            experiment.Property<long>("UserId").HasColumnType("INTEGER").HasColumnName("user_id");
            experiment.HasKey("Id");
            experiment.HasIndex("UserId", "CreatedAt").HasDatabaseName("ix_experiments_user_id_created_at");
            experiment.ToTable("experiments");
        });

        modelBuilder.Entity("Ipp.Graph.Data.ExperimentInput", input =>
        {
            input.Property<long>("Id").ValueGeneratedOnAdd().HasColumnType("INTEGER").HasColumnName("id");
            input.Property<long>("ExperimentId").HasColumnType("INTEGER").HasColumnName("experiment_id");
            input.Property<string>("OriginalName").IsRequired().HasMaxLength(255).HasColumnType("TEXT").HasColumnName("original_name");
            input.Property<string>("Parameter").IsRequired().HasMaxLength(128).HasColumnType("TEXT").HasColumnName("parameter");
            input.Property<long>("Size").HasColumnType("INTEGER").HasColumnName("size");
            input.Property<string>("StoredName").IsRequired().HasMaxLength(255).HasColumnType("TEXT").HasColumnName("stored_name");
            input.HasKey("Id");
            input.HasIndex("ExperimentId", "StoredName").IsUnique().HasDatabaseName("ix_experiment_inputs_experiment_id_stored_name");
            input.ToTable("experiment_inputs");
        });

        modelBuilder.Entity("Ipp.Graph.Data.ExperimentEvent", change =>
        {
            change.Property<long>("Id").ValueGeneratedOnAdd().HasColumnType("INTEGER").HasColumnName("id");
            change.Property<long>("ExperimentId").HasColumnType("INTEGER").HasColumnName("experiment_id");
            change.Property<DateTime>("OccurredAt").HasColumnType("TEXT").HasColumnName("occurred_at");
            change.Property<string>("PreviousStatus").HasMaxLength(16).HasColumnType("TEXT").HasColumnName("previous_status");
            change.Property<string>("Status").IsRequired().HasMaxLength(16).HasColumnType("TEXT").HasColumnName("status");
            change.Property<long>("UserId").HasColumnType("INTEGER").HasColumnName("user_id");
            change.HasKey("Id");
            change.HasIndex("UserId", "Id").HasDatabaseName("ix_experiment_events_user_id_id");
            change.ToTable("experiment_events");
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

        modelBuilder.Entity("Ipp.Graph.Data.Experiment", experiment =>
        {
            experiment.HasOne("Ipp.Graph.Data.User", null)
                .WithMany()
                .HasForeignKey("UserId")
                .OnDelete(DeleteBehavior.Cascade)
                .IsRequired()
                .HasConstraintName("fk_experiments_users_user_id");
        });

        modelBuilder.Entity("Ipp.Graph.Data.ExperimentInput", input =>
        {
            input.HasOne("Ipp.Graph.Data.Experiment", null)
                .WithMany("Inputs")
                .HasForeignKey("ExperimentId")
                .OnDelete(DeleteBehavior.Cascade)
                .IsRequired()
                .HasConstraintName("fk_experiment_inputs_experiments_experiment_id");
        });

        modelBuilder.Entity("Ipp.Graph.Data.Experiment", experiment => experiment.Navigation("Inputs"));

        modelBuilder.Entity("Ipp.Graph.Data.User", user =>
        {
            user.Navigation("Roles");
            user.Navigation("Session");
        });
    }
}
