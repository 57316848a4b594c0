using System.Globalization;

namespace Ipp.Graph.Experiments.Tokens;

/// <summary>
/// How an experiment that runs through the PiCaS pool is named there: its token's id (<c>ipp-experiment-&lt;id&gt;</c>,
/// derived from the experiment, so posting it twice finds it) and the folder of the blob store its job writes its
/// outputs to (<c>outputs/&lt;id&gt;/</c>).
/// </summary>
public static class ExperimentTokens
{
    private const string Prefix = "ipp-experiment-";

    /// <summary>The token id of experiment <paramref name="experimentId"/>.</summary>
    public static string TokenId(long experimentId) => Prefix + experimentId.ToString(CultureInfo.InvariantCulture);

    /// <summary>The experiment a token id names; false for a token of another shape (not the server's, or not an experiment's).</summary>
    public static bool TryParse(string tokenId, out long experimentId)
    {
        experimentId = 0;
        return tokenId.StartsWith(Prefix, StringComparison.Ordinal)
            && long.TryParse(tokenId.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out experimentId)
            && experimentId > 0
            && TokenId(experimentId) == tokenId;
    }

    /// <summary>The blob store's folder the job of experiment <paramref name="experimentId"/> writes its outputs to.</summary>
    public static string OutputFolder(long experimentId) => $"outputs/{experimentId.ToString(CultureInfo.InvariantCulture)}/";
}
