namespace Ipp.Graph.Tests.Support;

/// <summary>
/// The collection of tests that observe the whole test process (its first-chance exceptions): xunit runs it after
/// every parallel collection, alone, so what they see is their own server's doing.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWide
{
    public const string Name = "Process-wide observations";
}
