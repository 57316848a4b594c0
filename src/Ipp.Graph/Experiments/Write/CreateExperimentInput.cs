using Ipp.Graph.Engine.Types.Scalars;

namespace Ipp.Graph.Experiments.Write;

/// <summary>The <c>CreateExperimentInput</c> input type.</summary>
/// <param name="Parameters">The JSON scalar's value: null, or (when valid) a <c>Dictionary&lt;string, object?&gt;</c>.</param>
public sealed record CreateExperimentInput(
    string Application,
    string Name,
    string? Description,
    object? Parameters,
    IReadOnlyList<ExperimentFileInput>? Files,
    bool Draft);

/// <summary>The <c>ExperimentFileInput</c> input type: the multipart transport gives each file as an <see cref="Transport.Multipart.IStoredUpload"/>.</summary>
public sealed record ExperimentFileInput(string Parameter, IUploadedFile File);
