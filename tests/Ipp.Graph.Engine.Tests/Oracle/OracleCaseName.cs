using Xunit.Abstractions;

namespace Ipp.Graph.Engine.Tests.Oracle;

/// <summary>
/// A corpus case's name as a theory argument: xunit shows it whole in the test's name (it shortens plain string
/// arguments), so each case can be told apart and run on its own. A known failure also shows its reason.
/// </summary>
public sealed class OracleCaseName : IXunitSerializable
{
    /// <summary>For xunit's deserialization.</summary>
    public OracleCaseName()
    {
    }

    public OracleCaseName(string value, string? knownFailure = null)
    {
        Value = value;
        KnownFailure = knownFailure;
    }

    public string Value { get; private set; } = "";

    /// <summary>Why the case is known to disagree with graphql-js; null for a case expected to agree.</summary>
    public string? KnownFailure { get; private set; }

    public void Deserialize(IXunitSerializationInfo info)
    {
        Value = info.GetValue<string>(nameof(Value));
        KnownFailure = info.GetValue<string?>(nameof(KnownFailure));
    }

    public void Serialize(IXunitSerializationInfo info)
    {
        info.AddValue(nameof(Value), Value);
        info.AddValue(nameof(KnownFailure), KnownFailure);
    }

    public override string ToString() => KnownFailure is null ? Value : $"{Value} (known failure: {KnownFailure})";
}
