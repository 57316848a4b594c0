using Ipp.Graph.Accounts;
using Ipp.Graph.Authorization;
using Ipp.Graph.Engine.Binding;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.GraphQL;
using Ipp.Graph.GraphQL.Mutations;
using Ipp.Graph.Library.Entities;
using Ipp.Graph.Library.Entries;
using Ipp.Graph.Library.Entries.Errors;
using Ipp.Graph.Library.Errors;
using Microsoft.Extensions.Options;

namespace Ipp.Graph.Library.Upload;

/// <summary><c>uploadFiles</c>: the caller's files become entries of their own library (<see cref="LibraryUploader"/>).</summary>
public static class UploadMutation
{
    public static void Bind(SchemaBuilder schema) =>
        schema
            .BindInput<UploadFilesInput>("UploadFilesInput")
            .BindInput<LibraryFileUploadInput>("LibraryFileUploadInput")
            .BindType<UploadFilesPayload>("UploadFilesPayload")
            .BindType<InvalidLibraryPathError>("InvalidLibraryPathError")
            .BindType<LibraryEntryNameTakenError>("LibraryEntryNameTakenError")
            .BindType<FolderTooLargeError>("FolderTooLargeError")
            .ResolveMutation("uploadFiles", UploadAsync);

    private static async Task<UploadFilesPayload> UploadAsync(ResolveContext context)
    {
        var caller = context.RequireCaller();
        var input = context.Input<UploadFilesInput>();
        var tagIds = input.TagIds ?? [];
        if (tagIds.Count > 0 && context.Service<AccessPolicy>().Refusal(caller, PermissionSet.Of(Permission.TagsWrite)) is { } refusal)
        {
            throw refusal;
        }

        var maxIds = context.Service<IOptions<LibraryEntriesOptions>>().Value.MaxIdsPerChange;
        if (tagIds.Count > maxIds)
        {
            throw new MutationException(new TooManyIdsError(tagIds.Count, maxIds));
        }

        var entries = await context.Service<LibraryUploader>().UploadAsync(caller.UserId, input.Files, tagIds, context.CancellationToken);
        return new UploadFilesPayload { Entries = entries };
    }
}

/// <summary>The <c>UploadFilesPayload</c> type: the new entries, or (set by the mutation conventions) the errors.</summary>
public sealed class UploadFilesPayload : MutationPayload
{
    public IReadOnlyList<LibraryEntry>? Entries { get; init; }
}
