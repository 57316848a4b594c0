using Xunit.Abstractions;

namespace Ipp.Graph.Engine.Tests.Oracle;

/// <summary>
/// A corpus case's name as a theory argument: xunit shows it whole in the test's name (it shortens plain string
/// arguments), so each case can be told apart and run on its own.
/// </summary>
public sealed class OracleCaseName : IXunitSerializable
{
    /// <summary>For xunit's deserialization.</summary>
    public OracleCaseName()
    {
    }

    public OracleCaseName(string value) => Value = value;

    public string Value { get; private set; } = "";

    public void Deserialize(IXunitSerializationInfo info) => Value = info.GetValue<string>(nameof(Value));

    public void Serialize(IXunitSerializationInfo info) => info.AddValue(nameof(Value), Value);

    public override string ToString() => Value;
}
