using System.Diagnostics.CodeAnalysis;

namespace Ipp.Graph.Storage.Blobs;

/// <summary>
/// The name bytes are stored under: made by the server (<see cref="New"/>), 32 lowercase hexadecimal digits, never a
/// client's path. Stores keep a blob in the folder of its first two digits (<see cref="RelativePath"/>), so that no
/// folder holds more than a small share of a large library.
/// </summary>
public readonly record struct BlobKey
{
    private const int Length = 32;

    private BlobKey(string value) => Value = value;

    /// <summary>The 32 hexadecimal digits.</summary>
    public string Value { get; }

    /// <summary>The folder of the blob, relative to the store's root: the key's first two digits.</summary>
    public string Folder => Value[..2];

    /// <summary>The blob's path relative to the store's root, with '/' between folder and name.</summary>
    public string RelativePath => $"{Folder}/{Value}";

    /// <summary>A new random key.</summary>
    public static BlobKey New() => new(Guid.NewGuid().ToString("N"));

    /// <summary>The key written as <paramref name="text"/>, when it is one (stored names that are not keys are left alone).</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out BlobKey? key)
    {
        key = null;
        if (text is not { Length: Length } || !text.All(char.IsAsciiHexDigitLower))
        {
            return false;
        }

        key = new BlobKey(text);
        return true;
    }

    /// <summary>The key written as <paramref name="text"/>; throws when it is not one.</summary>
    public static BlobKey Parse(string text) =>
        TryParse(text, out var key) ? key.Value : throw new FormatException($"'{text}' is not a blob key (32 lowercase hexadecimal digits).");

    public override string ToString() => Value;
}
