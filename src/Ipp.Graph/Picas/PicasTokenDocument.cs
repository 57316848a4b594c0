using System.Text;
using System.Text.Json.Nodes;

namespace Ipp.Graph.Picas;

/// <summary>What one task on a container image needs on the cluster: what the token carries besides its state.</summary>
/// <param name="TokenId">The token's document id, derived from what it stands for (the experiment), so that posting it twice finds it there.</param>
/// <param name="ImagePath">The image the job runs (its Sylabs/Apptainer path or URI).</param>
/// <param name="Parameters">The job's parameters, as data: a JSON object.</param>
/// <param name="Inputs">The locations of the job's inputs.</param>
/// <param name="Output">Where the job puts its outputs.</param>
public sealed record PicasTask(string TokenId, string ImagePath, JsonObject Parameters, IReadOnlyList<string> Inputs, string Output);

/// <summary>
/// Builds a token as the stock PiCaS client reads it (docs/picas.md): the state fields its views and pilots use
/// (<c>type: "token"</c>, <c>lock</c>, <c>done</c>, <c>exit_code</c>, <c>hostname</c>, <c>scrub_count</c>), the
/// command line a pilot runs (<c>input</c>), and the task as data (<c>image</c>, <c>parameters</c>, <c>inputs</c>,
/// <c>output</c>). No value reaches <c>input</c> unquoted: the command line gives the task to the job in environment
/// variables, each value in POSIX single quotes, and the parameters as one JSON text the job parses; the image path
/// is a single-quoted argument.
/// </summary>
public static class PicasTokenDocument
{
    /// <summary>The longest token id.</summary>
    public const int MaxIdLength = 200;

    /// <summary>The container runtime's command a pilot's job starts the image with.</summary>
    public const string Runner = "apptainer run";

    /// <summary>The token's document, ready to be written under <see cref="PicasTask.TokenId"/>.</summary>
    public static JsonObject Create(PicasTask task)
    {
        CheckId(task.TokenId);
        var parameters = task.Parameters.ToJsonString();
        var inputs = new JsonArray([.. task.Inputs.Select(input => (JsonNode?)JsonValue.Create(input))]);
        return new JsonObject
        {
            ["type"] = "token",
            ["lock"] = 0,
            ["done"] = 0,
            ["exit_code"] = "",
            ["hostname"] = "",
            ["scrub_count"] = 0,
            ["input"] = CommandLine(task.TokenId, task.ImagePath, parameters, inputs.ToJsonString(), task.Output),
            ["image"] = task.ImagePath,
            ["parameters"] = task.Parameters.DeepClone(),
            ["inputs"] = inputs,
            ["output"] = task.Output,
        };
    }

    /// <summary>
    /// <paramref name="value"/> as one word of a POSIX shell: in single quotes, each single quote in it closed, escaped
    /// and reopened (<c>'\''</c>). Nothing inside single quotes is special to the shell.
    /// </summary>
    public static string Quote(string value)
    {
        if (value.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("A value for a command line cannot hold a NUL character.", nameof(value));
        }

        return "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    private static string CommandLine(string tokenId, string imagePath, string parameters, string inputs, string output)
    {
        var line = new StringBuilder();
        line.Append("IPP_TOKEN_ID=").Append(Quote(tokenId))
            .Append(" IPP_PARAMETERS=").Append(Quote(parameters))
            .Append(" IPP_INPUTS=").Append(Quote(inputs))
            .Append(" IPP_OUTPUT=").Append(Quote(output))
            .Append(' ').Append(Runner).Append(' ').Append(Quote(imagePath));
        return line.ToString();
    }

    /// <summary>An id is the caller's (derived, never a user's text): letters, digits and <c>- _ . :</c>, not starting with <c>_</c> (CouchDB's own ids).</summary>
    private static void CheckId(string id)
    {
        if (id.Length is 0 or > MaxIdLength || id[0] == '_' || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':'))
        {
            throw new ArgumentException($"A token id is 1 to {MaxIdLength} letters, digits, '-', '_', '.' or ':', not starting with '_'; '{id}' is not.", nameof(id));
        }
    }
}
