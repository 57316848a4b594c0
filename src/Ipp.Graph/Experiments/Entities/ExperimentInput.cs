namespace Ipp.Graph.Experiments.Entities;

/// <summary>A file uploaded with an experiment (table <c>experiment_inputs</c>), stored in the experiment's folder.</summary>
public sealed class ExperimentInput
{
    /// <summary>The longest stored file name, in characters (file systems allow 255 bytes).</summary>
    public const int FileNameMaxLength = 255;

    public long Id { get; set; }

    public long ExperimentId { get; set; }

    /// <summary>The application's ATTACHMENT parameter the file is for.</summary>
    public required string Parameter { get; set; }

    /// <summary>The file's name in the experiment's folder: the client's name reduced to a safe, unique base name.</summary>
    public required string StoredName { get; set; }

    /// <summary>The name the client gave.</summary>
    public required string OriginalName { get; set; }

    /// <summary>The size in bytes.</summary>
    public long Size { get; set; }
}
