namespace Ipp.Graph.Engine.Benchmarks;

// The benchmark data set (bench/shared/data.json) as .NET objects, bound to the schema's types by property name.
public sealed class BenchUser
{
    public required string Id { get; init; }

    public required string Email { get; init; }

    public string? Name { get; init; }

    public string? Institution { get; init; }

    public required string[] Roles { get; init; }

    public int ExperimentCount { get; init; }
}

public sealed class BenchExperiment
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public string? Description { get; init; }

    public required string Application { get; init; }

    public required string Status { get; init; }

    public required string CreatedAt { get; init; }

    public required string OwnerId { get; init; }

    public required BenchParameter[] Parameters { get; init; }

    public required BenchFile[] Files { get; init; }
}

public sealed class BenchParameter
{
    public required string Name { get; init; }

    public string? Value { get; init; }
}

public sealed class BenchFile
{
    public required string Name { get; init; }

    public int Size { get; init; }

    public string? ContentType { get; init; }
}

public sealed class BenchApplication
{
    public required string Key { get; init; }

    public required string Label { get; init; }

    public string? Description { get; init; }

    public required BenchApplicationField[] Fields { get; init; }
}

public sealed class BenchApplicationField
{
    public required string Name { get; init; }

    public required string Type { get; init; }

    public bool Required { get; init; }

    public string? Default { get; init; }
}

public sealed class BenchData
{
    public required string MeId { get; init; }

    public required BenchUser[] Users { get; init; }

    public required BenchExperiment[] Experiments { get; init; }

    public required BenchApplication[] Applications { get; init; }
}
