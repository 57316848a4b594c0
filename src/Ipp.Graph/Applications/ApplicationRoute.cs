namespace Ipp.Graph.Applications;

/// <summary>How an application's experiments reach the cluster (the contract's <c>ApplicationRoute</c>).</summary>
public enum ApplicationRoute
{
    /// <summary>The folder contract: the experiment's folder under <c>UPLOAD_FOLDER</c>, moved by the backend.</summary>
    FolderContract,

    /// <summary>The PiCaS token pool: a token the cluster's pilot jobs claim (<c>Picas/</c>).</summary>
    TokenPool,
}
