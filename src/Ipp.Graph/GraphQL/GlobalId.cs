using System.Buffers.Text;
using System.Text;

namespace Ipp.Graph.GraphQL;

/// <summary>
/// Global object identifiers (the <c>Node</c> interface's <c>id</c>): the type name and the database key,
/// <c>User:42</c>, in URL-safe base64, so clients treat them as opaque and one <c>node(id:)</c> finds any object.
/// Each object has exactly one id: a text that decodes to the same type and key but is not what <see cref="Encode"/>
/// writes (<c>User:042</c>, <c>User:+42</c>, base64 with padding or stray bits) is no id, so clients can compare ids
/// and cache by them.
/// </summary>
public static class GlobalId
{
    public static string Encode(string typeName, long key) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(typeName + ":" + key.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>The type name and key of a global id; false when the text is not one.</summary>
    public static bool TryDecode(string id, out string typeName, out long key)
    {
        typeName = "";
        key = 0;
        if (id.Length is 0 or > 200 || !Base64Url.IsValid(id))
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(id));
        var colon = text.LastIndexOf(':');
        if (colon <= 0
            || !long.TryParse(text.AsSpan(colon + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed)
            || Encode(text[..colon], parsed) != id)
        {
            return false;
        }

        typeName = text[..colon];
        key = parsed;
        return true;
    }
}
