namespace Ipp.Graph.Applications;

/// <summary>What an application is (the contract's <c>ApplicationKind</c>).</summary>
public enum ApplicationKind
{
    /// <summary>An entry of the IPP catalogue (<see cref="ApplicationCatalog"/>), keyed by the catalogue's key.</summary>
    Catalogue,

    /// <summary>A container image (<c>Images/</c>), keyed by the image's global id.</summary>
    Image,
}
