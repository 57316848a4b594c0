namespace Ipp.Graph.Applications;

/// <summary>The catalogue file is missing or not a valid catalogue; the server does not start without one.</summary>
public sealed class ApplicationCatalogException : Exception
{
    public ApplicationCatalogException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
