using Ipp.Graph.Data;
using Ipp.Graph.Engine.Binding;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Engine.Execution.DataLoader;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.GraphQL;
using Ipp.Graph.Library;
using Ipp.Graph.Storage;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Experiments.Files;

/// <summary>
/// <c>Experiment.inputs</c> (the input files the database lists, loaded for every experiment of a response in
/// one query) and <c>Experiment.outputs</c> (every other file of the experiment's folder, read from disk). Every input
/// downloads from the experiment (an experiment on an image, which has no folder, from the blob its input names:
/// <see cref="ImageInputDownload"/>). An input
/// copied from the library names its entry (<c>ExperimentFile.libraryEntry</c>): the id and name it had, and the entry
/// itself while the caller sees it (<see cref="LibrarySchema.FindAsync"/>: null once it is deleted).
/// </summary>
public static class ExperimentFilesSchema
{
    /// <summary>The tag (an SQL comment) of the query loading inputs.</summary>
    public const string InputsTag = "Experiment.inputs";

    public static void Bind(SchemaBuilder schema)
    {
        schema
            .BindType<ExperimentFile>("ExperimentFile")
            .BindType<ExperimentLibrarySource>("ExperimentLibrarySource")
            .Resolve("ExperimentLibrarySource.entryId", context => new(GlobalId.Encode(LibrarySchema.TypeName, context.ParentAs<ExperimentLibrarySource>().EntryId)))
            .Resolve("ExperimentLibrarySource.entry", context => LibrarySchema.FindAsync(context.ParentAs<ExperimentLibrarySource>().EntryId, context))
            .Resolve("Experiment.inputs", InputsAsync)
            .Resolve("Experiment.outputs", OutputsAsync);
    }

    /// <summary>Registers what the files of experiments need, and their download endpoint's services.</summary>
    public static IServiceCollection AddExperimentFiles(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<DownloadUrls>();
        return services;
    }

    private static async ValueTask<object?> InputsAsync(ResolveContext context)
    {
        var experiment = context.ParentAs<Experiment>();
        var inputs = await InputsOf(context).LoadAsync(experiment.Id);
        var urls = context.Service<DownloadUrls>();
        var files = new ExperimentFile[inputs.Length];
        for (var i = 0; i < files.Length; i++)
        {
            var input = inputs[i];
            var source = input.LibraryEntryId is { } entryId ? new ExperimentLibrarySource(entryId, input.LibraryEntryName!) : null;
            files[i] = new ExperimentFile(input.StoredName, input.Parameter, input.Size, urls.For(experiment.Id, input.StoredName), source);
        }

        return files;
    }

    private static async ValueTask<object?> OutputsAsync(ResolveContext context)
    {
        var experiment = context.ParentAs<Experiment>();
        if (experiment.TokenId is not null)
        {
            // No folder: the outputs of a job on the token pool become a library entry (Experiment.outputEntry).
            return Array.Empty<ExperimentFile>();
        }

        var inputs = await InputsOf(context).LoadAsync(experiment.Id);
        var folder = context.Service<UploadFolder>().ExperimentPath(experiment.UserId, experiment.Status, experiment.Id);
        var urls = context.Service<DownloadUrls>();
        var outputs = new List<ExperimentFile>();
        foreach (var (path, size) in ExperimentFolder.ListOutputs(folder, inputs.Select(input => input.StoredName)))
        {
            outputs.Add(new ExperimentFile(path, null, size, urls.For(experiment.Id, path)));
        }

        return outputs;
    }

    /// <summary>The inputs of the experiments of one response, in upload order, loaded in one query.</summary>
    private static DataLoader<long, ExperimentInput[]> InputsOf(ResolveContext context)
    {
        var databases = context.Service<IDbContextFactory<IppDbContext>>();
        return context.Request.DataLoader<long, ExperimentInput[]>("experimentInputs", async (ids, cancellationToken) =>
        {
            var keys = ids.ToArray();
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            var rows = await db.ExperimentInputs.AsNoTracking()
                .TagWith(InputsTag)
                .Where(i => keys.Contains(i.ExperimentId))
                .OrderBy(i => i.Id)
                .ToListAsync(cancellationToken);
            var byExperiment = rows.GroupBy(i => i.ExperimentId).ToDictionary(g => g.Key, g => g.ToArray());
            var result = new ExperimentInput[ids.Count][];
            for (var i = 0; i < result.Length; i++)
            {
                result[i] = byExperiment.TryGetValue(ids[i], out var found) ? found : [];
            }

            return result;
        });
    }
}
