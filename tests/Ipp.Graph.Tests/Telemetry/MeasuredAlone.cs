namespace Ipp.Graph.Tests.Telemetry;

/// <summary>
/// Tests that read exact metric values run alone: the OpenTelemetry SDK listens to the server's meter by name, so a
/// server in this test process would also count what other tests' servers do while they run beside it.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasuredAlone
{
    public const string Name = "Measured alone";
}
