namespace Ipp.Graph.Applications;

/// <summary>What kind of value an application's parameter takes (the contract's <c>ApplicationFieldType</c>).</summary>
public enum ApplicationFieldType
{
    /// <summary>Text; <c>min</c>/<c>max</c> bound its length.</summary>
    String,

    /// <summary>A whole number; <c>min</c>/<c>max</c> bound its value.</summary>
    Integer,

    /// <summary>A number; <c>min</c>/<c>max</c> bound its value.</summary>
    Float,

    /// <summary>One of the field's choices, by value (compared as text).</summary>
    Select,

    /// <summary>Files uploaded with the experiment; <c>min</c>/<c>max</c> bound how many.</summary>
    Attachment,
}
