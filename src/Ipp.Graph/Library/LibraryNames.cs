using System.Text;

namespace Ipp.Graph.Library;

/// <summary>How entry names are compared and searched: composed (NFC, as macOS's decomposed names are not), in lower case.</summary>
public static class LibraryNames
{
    /// <summary>The form <paramref name="name"/> is compared by.</summary>
    public static string Normalize(string name) => name.Normalize(NormalizationForm.FormC).ToLowerInvariant();
}
