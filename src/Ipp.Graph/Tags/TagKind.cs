namespace Ipp.Graph.Tags;

/// <summary>TrainMate's two kinds of tag (the <c>TagKind</c> enum).</summary>
public enum TagKind
{
    /// <summary>A user's own tag: only they see and use it (and those who see an entry it is on, its name there).</summary>
    Own,

    /// <summary>A tag made by those who manage tags, which everyone who may tag uses.</summary>
    Custom,
}
