namespace Ipp.Graph.Experiments.Tokens;

/// <summary>How an experiment reaches the cluster (the <c>RunsThrough</c> enum).</summary>
public enum RunsThrough
{
    /// <summary>Its folder under <c>UPLOAD_FOLDER</c>, moved between namespaces (a catalogue application).</summary>
    FolderContract,

    /// <summary>A token in the PiCaS pool (a container image).</summary>
    TokenPool,
}
