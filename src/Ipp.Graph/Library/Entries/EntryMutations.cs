using Ipp.Graph.Accounts;
using Ipp.Graph.Engine.Binding;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.GraphQL;
using Ipp.Graph.GraphQL.Mutations;
using Ipp.Graph.Library.Entities;
using Ipp.Graph.Library.Entries.Errors;

namespace Ipp.Graph.Library.Entries;

/// <summary>
/// <c>renameEntry</c>, <c>deleteEntries</c> (<c>files:write</c>), <c>tagEntries</c> and <c>untagEntries</c>
/// (<c>files:write</c> and <c>tags:write</c>) on the caller's own entries: <see cref="LibraryEntryChanges"/>.
/// </summary>
public static class EntryMutations
{
    public static void Bind(SchemaBuilder schema) =>
        schema
            .BindInput<RenameEntryInput>("RenameEntryInput")
            .BindInput<DeleteEntriesInput>("DeleteEntriesInput")
            .BindInput<EntryTagsInput>("TagEntriesInput")
            .BindInput<EntryTagsInput>("UntagEntriesInput")
            .BindType<EntryPayload>("RenameEntryPayload")
            .BindType<DeleteEntriesPayload>("DeleteEntriesPayload")
            .BindType<EntriesPayload>("TagEntriesPayload")
            .BindType<EntriesPayload>("UntagEntriesPayload")
            .BindType<LibraryEntryNotFoundError>("LibraryEntryNotFoundError")
            .BindType<TooManyIdsError>("TooManyIdsError")
            .ResolveMutation("renameEntry", async context =>
            {
                var input = context.Input<RenameEntryInput>();
                return new EntryPayload { Entry = await Changes(context).RenameAsync(context.RequireCaller(), input.Id, input.Name, context.CancellationToken) };
            })
            .ResolveMutation("deleteEntries", async context =>
                new DeleteEntriesPayload
                {
                    DeletedIds = await Changes(context).DeleteAsync(context.RequireCaller(), context.Input<DeleteEntriesInput>().Ids, context.CancellationToken),
                })
            .ResolveMutation("tagEntries", context => TagAsync(context, add: true))
            .ResolveMutation("untagEntries", context => TagAsync(context, add: false));

    private static async Task<EntriesPayload> TagAsync(ResolveContext context, bool add)
    {
        var input = context.Input<EntryTagsInput>();
        return new EntriesPayload { Entries = await Changes(context).TagAsync(context.RequireCaller(), input.EntryIds, input.TagIds, add, context.CancellationToken) };
    }

    private static LibraryEntryChanges Changes(ResolveContext context) => context.Service<LibraryEntryChanges>();
}

/// <summary>The <c>RenameEntryInput</c> input type.</summary>
public sealed record RenameEntryInput(string Id, string Name);

/// <summary>The <c>DeleteEntriesInput</c> input type.</summary>
public sealed record DeleteEntriesInput(IReadOnlyList<string> Ids);

/// <summary>The <c>TagEntriesInput</c> and <c>UntagEntriesInput</c> input types.</summary>
public sealed record EntryTagsInput(IReadOnlyList<string> EntryIds, IReadOnlyList<string> TagIds);

/// <summary>What <c>renameEntry</c> answers.</summary>
public sealed class EntryPayload : MutationPayload
{
    /// <summary>The entry after the change.</summary>
    public LibraryEntry? Entry { get; init; }
}

/// <summary>What <c>tagEntries</c> and <c>untagEntries</c> answer.</summary>
public sealed class EntriesPayload : MutationPayload
{
    /// <summary>The entries after the change, in the order named.</summary>
    public IReadOnlyList<LibraryEntry>? Entries { get; init; }
}

/// <summary>What <c>deleteEntries</c> answers.</summary>
public sealed class DeleteEntriesPayload : MutationPayload
{
    /// <summary>The global ids of the deleted entries, each once.</summary>
    public IReadOnlyList<string>? DeletedIds { get; init; }
}
