namespace Ipp.Graph.Picas.Entities;

/// <summary>
/// How far the pool's changes feed was handed on (table <c>picas_feed_positions</c>), one row per pool database: the
/// follower starts there after a restart, so it misses nothing.
/// </summary>
public sealed class PicasFeedPosition
{
    /// <summary>The pool's database name (<c>Picas:Database</c>).</summary>
    public string Database { get; set; } = "";

    /// <summary>The feed's sequence after the last change the observer took, as the server gave it.</summary>
    public string Sequence { get; set; } = "0";

    public DateTime UpdatedAt { get; set; }
}
