using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Data;

/// <summary>
/// The server's database. The model uses only what every relational provider supports (names, lengths, keys,
/// indexes), so the same model can later run on PostgreSQL; the SQLite specifics stay in the migrations.
/// Any change here needs a hand-written migration in Migrations/ and the snapshot updated: a test compares the
/// database the migrations make with the one this model describes.
/// </summary>
public sealed class IppDbContext : DbContext
{
    /// <summary>The longest email accepted (RFC 5321's limit on a path).</summary>
    public const int EmailMaxLength = 254;

    /// <summary>The longest application key or parameter name.</summary>
    public const int ApplicationKeyMaxLength = 128;

    /// <summary>The longest experiment name.</summary>
    public const int NameMaxLength = 200;

    /// <summary>The longest experiment description.</summary>
    public const int DescriptionMaxLength = 4000;

    /// <summary>The longest stored file name, in characters (file systems allow 255 bytes).</summary>
    public const int FileNameMaxLength = 255;

    public IppDbContext(DbContextOptions<IppDbContext> options)
        : base(options)
    {
    }

    public DbSet<User> Users => Set<User>();

    public DbSet<UserRole> UserRoles => Set<UserRole>();

    public DbSet<Session> Sessions => Set<Session>();

    public DbSet<Experiment> Experiments => Set<Experiment>();

    public DbSet<ExperimentInput> ExperimentInputs => Set<ExperimentInput>();

    public DbSet<ExperimentEvent> ExperimentEvents => Set<ExperimentEvent>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Times are stored in UTC and read back as UTC (SQLite keeps no kind).
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        // Statuses are stored as their folder namespaces ("submitted"), readable by anyone who looks at the database.
        configurationBuilder.Properties<ExperimentStatus>().HaveConversion<ExperimentStatusConverter>().HaveMaxLength(16);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<User>(user =>
        {
            user.ToTable("users");
            user.HasKey(u => u.Id);
            user.Property(u => u.Id).HasColumnName("id");
            user.Property(u => u.Email).HasColumnName("email").HasMaxLength(EmailMaxLength);
            user.Property(u => u.NormalizedEmail).HasColumnName("normalized_email").HasMaxLength(EmailMaxLength);
            user.Property(u => u.PasswordHash).HasColumnName("password_hash").HasMaxLength(100);
            user.Property(u => u.CreatedAt).HasColumnName("created_at");
            user.HasIndex(u => u.NormalizedEmail).IsUnique().HasDatabaseName("ix_users_normalized_email");
        });

        modelBuilder.Entity<UserRole>(role =>
        {
            role.ToTable("user_roles");
            role.HasKey(r => new { r.UserId, r.Role });
            role.Property(r => r.UserId).HasColumnName("user_id");
            role.Property(r => r.Role).HasColumnName("role").HasMaxLength(32);
            role.HasOne<User>().WithMany(u => u.Roles).HasForeignKey(r => r.UserId)
                .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_user_roles_users_user_id");
        });

        modelBuilder.Entity<Session>(session =>
        {
            session.ToTable("sessions");
            session.HasKey(s => s.Id);
            session.Property(s => s.Id).HasColumnName("id");
            session.Property(s => s.UserId).HasColumnName("user_id");
            session.Property(s => s.TokenHash).HasColumnName("token_hash").HasMaxLength(32);
            session.Property(s => s.IssuedAt).HasColumnName("issued_at");
            session.Property(s => s.ExpiresAt).HasColumnName("expires_at");
            session.HasIndex(s => s.TokenHash).IsUnique().HasDatabaseName("ix_sessions_token_hash");
            session.HasIndex(s => s.UserId).IsUnique().HasDatabaseName("ix_sessions_user_id");
            session.HasOne(s => s.User).WithOne(u => u.Session).HasForeignKey<Session>(s => s.UserId)
                .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_sessions_users_user_id");
        });

        modelBuilder.Entity<Experiment>(experiment =>
        {
            experiment.ToTable("experiments");
            experiment.HasKey(e => e.Id);
            experiment.Property(e => e.Id).HasColumnName("id");
            experiment.Property(e => e.UserId).HasColumnName("user_id");
            experiment.Property(e => e.ApplicationKey).HasColumnName("application_key").HasMaxLength(ApplicationKeyMaxLength);
            experiment.Property(e => e.Name).HasColumnName("name").HasMaxLength(NameMaxLength);
            experiment.Property(e => e.Description).HasColumnName("description").HasMaxLength(DescriptionMaxLength);
            experiment.Property(e => e.ParametersJson).HasColumnName("parameters");
            experiment.Property(e => e.Status).HasColumnName("status");
            experiment.Property(e => e.StatusChangedAt).HasColumnName("status_changed_at");
            experiment.Property(e => e.CreatedAt).HasColumnName("created_at");
            experiment.Property(e => e.StoredBytes).HasColumnName("stored_bytes");
            experiment.HasIndex(e => new { e.UserId, e.CreatedAt }).HasDatabaseName("ix_experiments_user_id_created_at");
            experiment.HasOne<User>().WithMany().HasForeignKey(e => e.UserId)
                .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_experiments_users_user_id");
        });

        modelBuilder.Entity<ExperimentInput>(input =>
        {
            input.ToTable("experiment_inputs");
            input.HasKey(i => i.Id);
            input.Property(i => i.Id).HasColumnName("id");
            input.Property(i => i.ExperimentId).HasColumnName("experiment_id");
            input.Property(i => i.Parameter).HasColumnName("parameter").HasMaxLength(ApplicationKeyMaxLength);
            input.Property(i => i.StoredName).HasColumnName("stored_name").HasMaxLength(FileNameMaxLength);
            input.Property(i => i.OriginalName).HasColumnName("original_name").HasMaxLength(FileNameMaxLength);
            input.Property(i => i.Size).HasColumnName("size");
            input.HasIndex(i => new { i.ExperimentId, i.StoredName }).IsUnique().HasDatabaseName("ix_experiment_inputs_experiment_id_stored_name");
            input.HasOne<Experiment>().WithMany(e => e.Inputs).HasForeignKey(i => i.ExperimentId)
                .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_experiment_inputs_experiments_experiment_id");
        });

        modelBuilder.Entity<ExperimentEvent>(change =>
        {
            change.ToTable("experiment_events");
            change.HasKey(c => c.Id);
            change.Property(c => c.Id).HasColumnName("id");
            change.Property(c => c.ExperimentId).HasColumnName("experiment_id");
            change.Property(c => c.UserId).HasColumnName("user_id");
            change.Property(c => c.Status).HasColumnName("status");
            change.Property(c => c.PreviousStatus).HasColumnName("previous_status");
            change.Property(c => c.OccurredAt).HasColumnName("occurred_at");
            change.HasIndex(c => new { c.UserId, c.Id }).HasDatabaseName("ix_experiment_events_user_id_id");
        });
    }
}
