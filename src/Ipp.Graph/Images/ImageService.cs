using System.Data;
using Ipp.Graph.Accounts;
using Ipp.Graph.Applications;
using Ipp.Graph.Authorization;
using Ipp.Graph.Data;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.Experiments.Lifecycle;
using Ipp.Graph.GraphQL;
using Ipp.Graph.GraphQL.Mutations;
using Ipp.Graph.Images.Entities;
using Ipp.Graph.Images.Errors;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Ipp.Graph.Images;

/// <summary>
/// Creates, renames and deletes images and sets their roles and parameters, for callers who may change them
/// (<see cref="ImageVisibility.Managed"/>: an image out of reach is <see cref="ImageNotFoundError"/>, as a missing
/// one). Everything asked is checked before anything is written; a change is one transaction holding the image's row
/// (SQLite <c>BEGIN IMMEDIATE</c>, PostgreSQL <c>FOR UPDATE</c>), so changes of one image take turns and each one
/// that changes something raises its <see cref="ContainerImage.Version"/> by one. Names and paths are kept unique by
/// the database's indexes, so two creations racing for one name or path end with one image and a typed error.
/// </summary>
public sealed class ImageService(IDbContextFactory<IppDbContext> databases, AccessPolicy policy, IOptions<ImagesOptions> options, TimeProvider clock)
{
    private ImagesOptions Options => options.Value;

    /// <summary>Creates an image.</summary>
    public async Task<ImageView> CreateAsync(
        string name, string path, IReadOnlyList<ImageParameterInput> parameters, IReadOnlyList<Role> roles, CancellationToken cancellationToken)
    {
        var trimmed = CheckName(name);
        CheckPath(path);
        var fields = CheckParameters(parameters);
        var now = clock.UtcNowToMillisecond();
        var image = new ContainerImage
        {
            Name = trimmed,
            NormalizedName = ImageNames.Normalize(trimmed),
            Path = path,
            ParametersJson = ImageParameters.ToJson(fields),
            Version = 1,
            CreatedAt = now,
            UpdatedAt = now,
            Roles = Links(roles),
        };
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        db.Add(image);
        await SaveUniqueAsync(db, image, cancellationToken);
        return ImageView.Of(image);
    }

    /// <summary>Gives the image a new name (which may differ from the old in case only).</summary>
    public Task<ImageView> RenameAsync(SignedInCaller caller, string id, string name, CancellationToken cancellationToken)
    {
        var trimmed = CheckName(name);
        return ChangeAsync(caller, id, image =>
        {
            if (image.Name == trimmed)
            {
                return false;
            }

            image.Name = trimmed;
            image.NormalizedName = ImageNames.Normalize(trimmed);
            return true;
        }, cancellationToken);
    }

    /// <summary>Sets the roles whose holders may use the image (replacing the ones it had).</summary>
    public Task<ImageView> SetRolesAsync(SignedInCaller caller, string id, IReadOnlyList<Role> roles, CancellationToken cancellationToken)
    {
        var wanted = Links(roles).Select(link => link.Role).ToHashSet(StringComparer.Ordinal);
        return ChangeAsync(caller, id, image =>
        {
            var held = image.Roles.Select(link => link.Role).ToHashSet(StringComparer.Ordinal);
            if (held.SetEquals(wanted))
            {
                return false;
            }

            image.Roles.RemoveAll(link => !wanted.Contains(link.Role));
            image.Roles.AddRange(wanted.Except(held).Select(role => new ContainerImageRole { Role = role }));
            return true;
        }, cancellationToken);
    }

    /// <summary>Sets the parameters the image takes (replacing the ones it had).</summary>
    public Task<ImageView> SetParametersAsync(SignedInCaller caller, string id, IReadOnlyList<ImageParameterInput> parameters, CancellationToken cancellationToken)
    {
        var json = ImageParameters.ToJson(CheckParameters(parameters));
        return ChangeAsync(caller, id, image =>
        {
            if (image.ParametersJson == json)
            {
                return false;
            }

            image.ParametersJson = json;
            return true;
        }, cancellationToken);
    }

    /// <summary>
    /// Deletes the image and its links to roles, unless experiments on it wait or run, a cancelled one's job included
    /// (<see cref="ImageInUseError"/>);
    /// the others keep their snapshot of it (their <c>image_id</c> becomes null).
    /// </summary>
    public async Task<ImageView> DeleteAsync(SignedInCaller caller, string id, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await using var transaction = await BeginAsync(db, caller, id, cancellationToken);
        var image = await LoadAsync(db, transaction.Key, cancellationToken);

        // In this transaction holding the image's row: a submission holds it too (FOR SHARE) while it writes its
        // experiment, so none starts on an image being deleted, and none waiting or running is missed here.
        var busy = await CancelledJobs.WaitingOrRunning(db, db.Experiments).CountAsync(e => e.ImageId == image.Id, cancellationToken);
        if (busy > 0)
        {
            throw new MutationException(new ImageInUseError(id, busy));
        }

        await db.Set<ContainerImageRole>().Where(r => r.ImageId == image.Id).ExecuteDeleteAsync(cancellationToken);
        await db.Set<ContainerImage>().Where(i => i.Id == image.Id).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ImageView.Of(image);
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the image in a transaction holding it; when it changed something (true),
    /// raises the version and the time of change and saves.
    /// </summary>
    private async Task<ImageView> ChangeAsync(SignedInCaller caller, string id, Func<ContainerImage, bool> change, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await using var transaction = await BeginAsync(db, caller, id, cancellationToken);
        var image = await LoadAsync(db, transaction.Key, cancellationToken);
        if (change(image))
        {
            image.Version++;
            image.UpdatedAt = clock.UtcNowToMillisecond();
            await SaveUniqueAsync(db, image, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return ImageView.Of(image);
    }

    private static Task<ContainerImage> LoadAsync(IppDbContext db, long key, CancellationToken cancellationToken) =>
        db.Set<ContainerImage>().Include(i => i.Roles).SingleAsync(i => i.Id == key, cancellationToken);

    /// <summary>
    /// Begins the transaction of a change to the image with the global id <paramref name="id"/>, holding its row until
    /// it ends: SQLite <c>BEGIN IMMEDIATE</c> (the database's one write lock); PostgreSQL the row locked <c>FOR UPDATE</c>.
    /// No image the caller may change with that id is an <see cref="ImageNotFoundError"/>.
    /// </summary>
    private async Task<ImageTransaction> BeginAsync(IppDbContext db, SignedInCaller caller, string id, CancellationToken cancellationToken)
    {
        if (!GlobalId.TryDecode(id, ImageView.TypeName, out var key))
        {
            throw new MutationException(new ImageNotFoundError(id));
        }

        var npgsql = db.Database.IsNpgsql();
        var transaction = await db.Database.BeginTransactionAsync(npgsql ? IsolationLevel.ReadCommitted : IsolationLevel.Serializable, cancellationToken);
        try
        {
            if (npgsql)
            {
                await db.Database.SqlQuery<long>($"SELECT id AS \"Value\" FROM container_images WHERE id = {key} FOR UPDATE").ToListAsync(cancellationToken);
            }

            return await ImageVisibility.Managed(db, policy, caller).AnyAsync(i => i.Id == key, cancellationToken)
                ? new ImageTransaction(transaction, key)
                : throw new MutationException(new ImageNotFoundError(id));
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    /// <summary>Saves a new or changed image; a unique index refusing it is an <see cref="ImageNameTakenError"/> or <see cref="ImagePathTakenError"/>.</summary>
    private static async Task SaveUniqueAsync(IppDbContext db, ContainerImage image, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (Data.UniqueConstraint.IsViolation(e))
        {
            throw new MutationException(RefusedIndex(e) == ContainerImageConfiguration.PathIndex
                ? new ImagePathTakenError(image.Path)
                : new ImageNameTakenError(image.Name));
        }
    }

    /// <summary>The unique index that refused a save: PostgreSQL names it; SQLite names the column in its message.</summary>
    private static string RefusedIndex(DbUpdateException e) => e.InnerException switch
    {
        PostgresException postgres => postgres.ConstraintName ?? "",
        SqliteException sqlite when sqlite.Message.Contains("container_images.path", StringComparison.Ordinal) => ContainerImageConfiguration.PathIndex,
        _ => ContainerImageConfiguration.NameIndex,
    };

    /// <summary>The name trimmed, when it can name an image; else an <see cref="InvalidImageNameError"/>.</summary>
    private string CheckName(string name)
    {
        var trimmed = name.Trim();
        return ImageNames.Problem(trimmed, Options.MaxNameLength) is { } problem
            ? throw new MutationException(new InvalidImageNameError(problem, Options.MaxNameLength))
            : trimmed;
    }

    private void CheckPath(string path)
    {
        if (ImagePaths.Problem(path, Options.MaxPathLength) is { } problem)
        {
            throw new MutationException(new InvalidImagePathError(problem, Options.MaxPathLength));
        }
    }

    private IReadOnlyList<ApplicationField> CheckParameters(IReadOnlyList<ImageParameterInput> parameters)
    {
        var (fields, problems) = ImageParameters.Read(parameters, Options);
        return problems.Count > 0 ? throw new MutationException(new InvalidImageParametersError(problems)) : fields;
    }

    /// <summary>The links of the roles given, each once.</summary>
    private static List<ContainerImageRole> Links(IReadOnlyList<Role> roles) =>
        roles.Distinct().Order().Select(role => new ContainerImageRole { Role = RoleNames.NameOf(role) }).ToList();

    /// <summary>A change's transaction and the key of the image it holds.</summary>
    private sealed class ImageTransaction(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, long key) : IAsyncDisposable
    {
        public long Key { get; } = key;

        public Task CommitAsync(CancellationToken cancellationToken) => transaction.CommitAsync(cancellationToken);

        public ValueTask DisposeAsync() => transaction.DisposeAsync();
    }
}
