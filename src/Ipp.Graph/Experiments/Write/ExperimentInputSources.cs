using Ipp.Graph.Accounts;
using Ipp.Graph.Applications;
using Ipp.Graph.Authorization;
using Ipp.Graph.Data;
using Ipp.Graph.GraphQL;
using Ipp.Graph.Library;
using Ipp.Graph.Library.Entities;
using Ipp.Graph.Transport.Multipart;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Experiments.Write;

/// <summary>
/// Where the files of a new experiment (<c>createExperiment</c>'s <c>files</c>) come from, checked before anything is
/// stored: each gives exactly one of an upload and a library entry's global id, and each entry is one the caller
/// reaches (<see cref="LibraryVisibility.Seen"/> with <c>files:read</c>: their own, or shared with them), all found in
/// one query. An entry that does not exist and one the caller does not reach are the same problem. Problems are the
/// validator's (<c>INVALID_PARAMETERS</c>), at most one per parameter, reported with the others.
/// </summary>
public sealed class ExperimentInputSources(IDbContextFactory<IppDbContext> databases, AccessPolicy policy)
{
    /// <summary>The source of each file given, in order; those with a problem are left out.</summary>
    public async Task<ExperimentSources> ResolveAsync(SignedInCaller caller, IReadOnlyList<ExperimentFileInput>? files, CancellationToken cancellationToken)
    {
        var given = files ?? [];
        var problems = new ParameterProblems();
        var keys = new long?[given.Count];
        for (var i = 0; i < given.Count; i++)
        {
            var file = given[i];
            if ((file.File is null) == (file.LibraryEntry is null))
            {
                problems.Add(file.Parameter, file.File is null
                    ? $"a file of '{file.Parameter}' gives neither an upload (file) nor a library entry (libraryEntry)"
                    : $"a file of '{file.Parameter}' gives both an upload (file) and a library entry (libraryEntry); give one");
            }
            else if (file.LibraryEntry is { } id)
            {
                if (GlobalId.TryDecode(id, LibrarySchema.TypeName, out var key))
                {
                    keys[i] = key;
                }
                else
                {
                    problems.Add(file.Parameter, NotFound(id));
                }
            }
        }

        var entries = await FindAsync(caller, keys, cancellationToken);
        var sources = new List<ExperimentSource>(given.Count);
        for (var i = 0; i < given.Count; i++)
        {
            var file = given[i];
            if (file.File is { } upload && file.LibraryEntry is null)
            {
                sources.Add(new ExperimentSource(file.Parameter, upload as IStoredUpload
                    ?? throw new InvalidOperationException("The transport gave an upload that is not stored on disk."), null));
            }
            else if (keys[i] is { } key)
            {
                if (entries.TryGetValue(key, out var entry))
                {
                    sources.Add(new ExperimentSource(file.Parameter, null, entry));
                }
                else
                {
                    problems.Add(file.Parameter, NotFound(file.LibraryEntry!));
                }
            }
        }

        return new ExperimentSources(given.Select(file => file.Parameter).ToArray(), sources, problems.List);
    }

    /// <summary>The problem of an entry that is missing, not reached, or gone while it was being copied.</summary>
    public static string NotFound(string id) => $"no library entry you can see has the id '{id}'";

    /// <summary>The entries of <paramref name="keys"/> the caller sees, with their files, by id.</summary>
    private async Task<Dictionary<long, LibraryEntry>> FindAsync(SignedInCaller caller, long?[] keys, CancellationToken cancellationToken)
    {
        var ids = keys.OfType<long>().Distinct().ToArray();
        if (ids.Length == 0)
        {
            return [];
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await LibraryVisibility.Seen(db, policy, caller, Permission.FilesRead).AsNoTracking()
            .Where(e => ids.Contains(e.Id))
            .Include(e => e.Files)
            .ToDictionaryAsync(e => e.Id, cancellationToken);
    }

    /// <summary>The first problem of each parameter, in the order found.</summary>
    private sealed class ParameterProblems
    {
        private readonly HashSet<string> _named = new(StringComparer.Ordinal);

        public List<ParameterProblem> List { get; } = [];

        public void Add(string parameter, string message)
        {
            if (_named.Add(parameter))
            {
                List.Add(new ParameterProblem(parameter, message));
            }
        }
    }
}

/// <summary>The files of a new experiment as <see cref="ExperimentInputSources"/> found them.</summary>
/// <param name="Parameters">The parameter of every file given, those with a problem included (the validator counts them).</param>
/// <param name="Files">The source of each file without a problem, in the order given.</param>
/// <param name="Problems">What is wrong with the others.</param>
public sealed record ExperimentSources(IReadOnlyList<string> Parameters, IReadOnlyList<ExperimentSource> Files, IReadOnlyList<ParameterProblem> Problems);

/// <summary>One file given for <paramref name="Parameter"/>: an upload, or a library entry with its stored files.</summary>
public sealed record ExperimentSource(string Parameter, IStoredUpload? Upload, LibraryEntry? Entry);
