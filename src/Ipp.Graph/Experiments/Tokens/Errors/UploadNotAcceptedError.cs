using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Experiments.Tokens.Errors;

/// <summary>
/// A file of an experiment on a container image was uploaded (<c>file</c>) where only library entries are taken
/// (<c>UPLOAD_NOT_ACCEPTED</c>): the job on the cluster reads its inputs from the library's store.
/// </summary>
public sealed class UploadNotAcceptedError(string parameter)
    : MutationError($"The file of '{parameter}' is an upload; an experiment on a container image takes its files from the library (libraryEntry) only.")
{
    public override string Code => ExperimentsErrorCodes.UploadNotAccepted;

    /// <summary>The parameter whose file was uploaded.</summary>
    public string Parameter { get; } = parameter;
}
