namespace Ipp.Graph.Applications;

/// <summary>A value a SELECT parameter accepts (the contract's <c>ApplicationChoice</c>).</summary>
/// <param name="Value">The value as an experiment's parameters give it: the catalogue's key, as text.</param>
/// <param name="Label">The value's meaning for people.</param>
public sealed record ApplicationChoice(string Value, string Label);
