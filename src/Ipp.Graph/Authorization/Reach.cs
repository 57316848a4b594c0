namespace Ipp.Graph.Authorization;

/// <summary>Which objects a permission reaches: the holder's own (ownership) or every one of its kind.</summary>
public enum Reach
{
    /// <summary>The objects the caller owns (an experiment they created); another's are as if they did not exist.</summary>
    Own,

    /// <summary>Every object of its kind, whoever owns it.</summary>
    All,
}
