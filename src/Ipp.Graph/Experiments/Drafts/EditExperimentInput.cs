using Ipp.Graph.Experiments.Write;

namespace Ipp.Graph.Experiments.Drafts;

/// <summary>
/// The <c>EditExperimentInput</c> input type: what to change in a draft. A value not given (or null) keeps what the
/// draft has; <paramref name="Parameters"/> replaces the whole object when given.
/// </summary>
/// <param name="AddFiles">Files to add, as <c>createExperiment</c>'s <c>files</c>.</param>
/// <param name="RemoveFiles">The names of inputs to remove (<see cref="DraftFiles"/> says which names match).</param>
public sealed record EditExperimentInput(
    string Id,
    string? Name = null,
    string? Description = null,
    object? Parameters = null,
    IReadOnlyList<ExperimentFileInput>? AddFiles = null,
    IReadOnlyList<string>? RemoveFiles = null);

/// <summary>The <c>CloneExperimentInput</c> input type: the experiment to clone, and the clone's name (else the source's).</summary>
public sealed record CloneExperimentInput(string Id, string? Name = null);
