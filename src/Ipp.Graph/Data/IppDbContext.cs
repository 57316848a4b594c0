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

    public IppDbContext(DbContextOptions<IppDbContext> options)
        : base(options)
    {
    }

    public DbSet<User> Users => Set<User>();

    public DbSet<UserRole> UserRoles => Set<UserRole>();

    public DbSet<Session> Sessions => Set<Session>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Times are stored in UTC and read back as UTC (SQLite keeps no kind).
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
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
    }
}
