using System.Globalization;
using System.Text.Json;

namespace Ipp.Graph.Transport.Multipart;

/// <summary>
/// The <c>map</c> part of a multipart request, <c>{"0": ["variables.input.files.0.file"], …}</c>: which file part
/// goes where in the operation. Only paths into <c>variables</c> are served (one operation per request), and each
/// must point at a null, which the file then replaces.
/// </summary>
internal static class UploadMap
{
    private const string VariablesPrefix = "variables.";

    /// <summary>
    /// Reads the map's entries (part name, paths), or says why it is not a map. Each part name is announced in
    /// <paramref name="spool"/>; more than <paramref name="maxFiles"/> entries is refused before any is.
    /// </summary>
    public static string? Read(JsonElement map, int maxFiles, UploadSpool spool, List<(string Path, SpooledUpload Upload)> placements, out bool tooMany)
    {
        tooMany = false;
        if (map.ValueKind != JsonValueKind.Object)
        {
            return $"The \"map\" part must be a JSON object (file part name to paths), not {GraphQLRequestJson.Describe(map.ValueKind)}.";
        }

        var count = 0;
        foreach (var _ in map.EnumerateObject())
        {
            count++;
        }

        if (count > maxFiles)
        {
            tooMany = true;
            return null;
        }

        foreach (var entry in map.EnumerateObject())
        {
            var name = entry.Name;
            if (name.Length == 0 || name is "operations" or "map")
            {
                return $"The \"map\" names a file part \"{name}\", which cannot be a file's part name.";
            }

            if (entry.Value.ValueKind != JsonValueKind.Array || entry.Value.GetArrayLength() == 0)
            {
                return $"The \"map\" entry \"{name}\" must be a non-empty array of paths (strings) such as \"variables.file\".";
            }

            var upload = spool.Announce(name);
            foreach (var path in entry.Value.EnumerateArray())
            {
                if (path.ValueKind != JsonValueKind.String)
                {
                    return $"The \"map\" entry \"{name}\" must hold paths (strings), not {GraphQLRequestJson.Describe(path.ValueKind)}.";
                }

                placements.Add((path.GetString()!, upload));
            }
        }

        return null;
    }

    /// <summary>
    /// The request's variables with each file put at its paths, or why a path is wrong. The containers along the
    /// paths become dictionaries and arrays; everything else stays the JSON it was.
    /// </summary>
    public static string? Place(JsonElement? variables, List<(string Path, SpooledUpload Upload)> placements, out object? placed)
    {
        placed = variables;
        if (placements.Count == 0)
        {
            return null;
        }

        if (variables is not { } given)
        {
            return $"The \"map\" path \"{placements[0].Path}\" for the file \"{placements[0].Upload.FieldName}\" points into variables, but the operation has none.";
        }

        var root = ToContainer(given)!;
        foreach (var (path, upload) in placements)
        {
            if (PlaceOne(root, path, upload) is { } problem)
            {
                return $"The \"map\" path \"{path}\" for the file \"{upload.FieldName}\" {problem}.";
            }
        }

        placed = root;
        return null;
    }

    /// <summary>Puts <paramref name="upload"/> at <paramref name="path"/>; null when done, else what is wrong (finishing a sentence).</summary>
    private static string? PlaceOne(object root, string path, SpooledUpload upload)
    {
        if (!path.StartsWith(VariablesPrefix, StringComparison.Ordinal))
        {
            return "must start with \"variables.\" (one operation per request)";
        }

        var segments = path[VariablesPrefix.Length..].Split('.');
        var container = root;
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            var last = i == segments.Length - 1;
            switch (container)
            {
                case Dictionary<string, object?> obj:
                    if (!obj.TryGetValue(segment, out var member))
                    {
                        return $"names \"{segment}\", which the variables do not hold";
                    }

                    if (last)
                    {
                        if (!IsNull(member))
                        {
                            return "does not point at a null in the variables";
                        }

                        obj[segment] = upload;
                        return null;
                    }

                    if (member is JsonElement element && ToContainer(element) is { } converted)
                    {
                        obj[segment] = converted;
                        member = converted;
                    }

                    container = member!;
                    break;
                case object?[] list:
                    if (!int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= list.Length)
                    {
                        return $"names \"{segment}\", which is not an index of the list there";
                    }

                    if (last)
                    {
                        if (!IsNull(list[index]))
                        {
                            return "does not point at a null in the variables";
                        }

                        list[index] = upload;
                        return null;
                    }

                    if (list[index] is JsonElement item && ToContainer(item) is { } convertedItem)
                    {
                        list[index] = convertedItem;
                    }

                    container = list[index]!;
                    break;
                default:
                    return "leads through a value that is neither an object nor a list";
            }
        }

        return "is empty";
    }

    private static bool IsNull(object? value) => value is null or JsonElement { ValueKind: JsonValueKind.Null };

    /// <summary>A JSON object as a dictionary or a JSON array as an array (their items stay JSON); null for other values.</summary>
    private static object? ToContainer(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var obj = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var member in element.EnumerateObject())
                {
                    obj[member.Name] = member.Value;
                }

                return obj;
            case JsonValueKind.Array:
                var list = new object?[element.GetArrayLength()];
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    list[i++] = item;
                }

                return list;
            default:
                return null;
        }
    }
}
