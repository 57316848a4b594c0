using Ipp.Graph.Data;
using Ipp.Graph.GraphQL;
using Ipp.Graph.GraphQL.Mutations;
using Ipp.Graph.Tags.Entities;
using Ipp.Graph.Tags.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ipp.Graph.Tags;

/// <summary>
/// Makes, renames and deletes tags of one kind at a time: a user's own (<c>owner</c> their id), or the custom ones
/// (<c>owner</c> null), and finds the tags a user may put on their entries (their own and the custom ones). A tag the
/// caller may not touch (another user's own, or a custom one asked for as an own one) answers exactly as one that does
/// not exist: <see cref="TagNotFoundError"/>. Each change is one transaction; a user's own tags are changed by the
/// user's writers in turn (<see cref="UserTransactions"/>), which keeps <see cref="TagsOptions.MaxPerUser"/>.
/// </summary>
public sealed class TagService(IDbContextFactory<IppDbContext> databases, IOptions<TagsOptions> options, TimeProvider clock)
{
    /// <summary>The type name in global ids: <c>Tag:&lt;id&gt;</c>.</summary>
    public const string TypeName = "Tag";

    private TagsOptions Options => options.Value;

    /// <summary>Makes a tag named <paramref name="name"/>: the user's own, or a custom one when <paramref name="owner"/> is null.</summary>
    public async Task<Tag> CreateAsync(long? owner, string name, CancellationToken cancellationToken)
    {
        var trimmed = CheckName(name);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await using var transaction = owner is { } userId
            ? await UserTransactions.BeginAsync(db, userId, cancellationToken)
            : await db.Database.BeginTransactionAsync(cancellationToken);
        if (owner is not null && await db.Set<Tag>().CountAsync(t => t.OwnerId == owner, cancellationToken) >= Options.MaxPerUser)
        {
            throw new MutationException(new TagLimitReachedError(Options.MaxPerUser));
        }

        var tag = new Tag { OwnerId = owner, Name = trimmed, NormalizedName = TagNames.Normalize(trimmed), CreatedAt = clock.UtcNowToMillisecond() };
        db.Add(tag);
        await SaveNamedAsync(db, trimmed, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return tag;
    }

    /// <summary>Gives the tag <paramref name="id"/> of this kind a new name (which may differ from the old in case only).</summary>
    public async Task<Tag> RenameAsync(long? owner, string id, string name, CancellationToken cancellationToken)
    {
        var trimmed = CheckName(name);
        var key = Decode(id);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var tag = await db.Set<Tag>().Where(OfKind(owner)).FirstOrDefaultAsync(t => t.Id == key, cancellationToken)
            ?? throw new MutationException(new TagNotFoundError(id));
        tag.Name = trimmed;
        tag.NormalizedName = TagNames.Normalize(trimmed);
        await SaveNamedAsync(db, trimmed, cancellationToken);
        return tag;
    }

    /// <summary>Deletes the tag <paramref name="id"/> of this kind: it leaves every entry it was on, and the shares by it end.</summary>
    public async Task<string> DeleteAsync(long? owner, string id, CancellationToken cancellationToken)
    {
        var key = Decode(id);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var deleted = await db.Set<Tag>().Where(OfKind(owner)).Where(t => t.Id == key).ExecuteDeleteAsync(cancellationToken);
        return deleted > 0 ? id : throw new MutationException(new TagNotFoundError(id));
    }

    /// <summary>The tags <paramref name="userId"/> may see and use: their own and the custom ones.</summary>
    public static IQueryable<Tag> Usable(IppDbContext db, long userId) => db.Set<Tag>().Where(t => t.OwnerId == userId || t.OwnerId == null);

    /// <summary>
    /// The keys of the tags <paramref name="ids"/> (global ids), each once, when the user may use every one; else the
    /// first that they may not is a <see cref="TagNotFoundError"/>. Called in the transaction that puts them on
    /// entries, it holds them until it ends, so none is deleted under it: on PostgreSQL their rows are locked
    /// <c>FOR KEY SHARE</c> (a deletion waits); SQLite's write transaction holds the whole database.
    /// </summary>
    public static async Task<long[]> UsableKeysAsync(IppDbContext db, long userId, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var keys = new Dictionary<long, string>();
        foreach (var id in ids)
        {
            keys.TryAdd(Decode(id), id);
        }

        if (keys.Count == 0)
        {
            return [];
        }

        var wanted = keys.Keys.ToArray();
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT id FROM tags WHERE id = ANY({wanted}) FOR KEY SHARE", cancellationToken);
        }

        var found = await Usable(db, userId).Where(t => wanted.Contains(t.Id)).Select(t => t.Id).ToListAsync(cancellationToken);
        var missing = wanted.Except(found).Select(key => keys[key]).FirstOrDefault();
        return missing is null ? wanted : throw new MutationException(new TagNotFoundError(missing));
    }

    /// <summary>The key of a tag's global id; a text that is no tag's id is a <see cref="TagNotFoundError"/>.</summary>
    private static long Decode(string id) =>
        GlobalId.TryDecode(id, TypeName, out var key) ? key : throw new MutationException(new TagNotFoundError(id));

    /// <summary>The tags of one kind: the user's own, or the custom ones.</summary>
    private static System.Linq.Expressions.Expression<Func<Tag, bool>> OfKind(long? owner) =>
        owner is { } userId ? t => t.OwnerId == userId : t => t.OwnerId == null;

    /// <summary>The name trimmed, when it can name a tag; else an <see cref="InvalidTagNameError"/>.</summary>
    private string CheckName(string name)
    {
        var trimmed = name.Trim();
        return TagNames.Problem(trimmed, Options.MaxNameLength) is { } problem
            ? throw new MutationException(new InvalidTagNameError(problem, Options.MaxNameLength))
            : trimmed;
    }

    /// <summary>Saves a new or renamed tag; the unique index refusing the name is a <see cref="TagNameTakenError"/>.</summary>
    private static async Task SaveNamedAsync(IppDbContext db, string name, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueConstraint.IsViolation(e))
        {
            throw new MutationException(new TagNameTakenError(name));
        }
    }
}
