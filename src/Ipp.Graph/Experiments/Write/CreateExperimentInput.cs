using Ipp.Graph.Engine.Types.Scalars;

namespace Ipp.Graph.Experiments.Write;

/// <summary>The <c>CreateExperimentInput</c> input type.</summary>
/// <param name="Parameters">The JSON scalar's value: null, or (when valid) a <c>Dictionary&lt;string, object?&gt;</c>.</param>
/// <param name="MailWhenDone">Whether the owner is mailed when it ends; null follows their own choice (Notifications).</param>
/// <param name="Tags">The global ids of tags the caller may use (their own and the custom ones) to put on the experiment.</param>
public sealed record CreateExperimentInput(
    string Application,
    string Name,
    string? Description,
    object? Parameters,
    IReadOnlyList<ExperimentFileInput>? Files,
    bool Draft,
    bool? MailWhenDone = null,
    IReadOnlyList<string>? Tags = null);

/// <summary>
/// The <c>ExperimentFileInput</c> input type: an uploaded <paramref name="File"/> (the multipart transport gives each
/// as an <see cref="Transport.Multipart.IStoredUpload"/>) or the global id of a library entry
/// (<paramref name="LibraryEntry"/>), exactly one of the two (<see cref="ExperimentInputSources"/> checks it).
/// </summary>
public sealed record ExperimentFileInput(string Parameter, IUploadedFile? File, string? LibraryEntry = null);
