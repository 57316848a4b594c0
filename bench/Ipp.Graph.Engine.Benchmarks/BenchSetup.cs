using System.Text.Json;
using Ipp.Graph.Engine.Binding;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Engine.Types;
using Ipp.Graph.Engine.Utilities;

namespace Ipp.Graph.Engine.Benchmarks;

/// <summary>The schema, data and documents every benchmark shares with the graphql-js peer (bench/shared).</summary>
public static class BenchSetup
{
    private static readonly Lazy<string> SharedFolder = new(FindShared);

    public static string ReadShared(string name) => File.ReadAllText(Path.Combine(SharedFolder.Value, name));

    public static string Document(string name) => name == "introspection"
        ? IntrospectionQuery.Get(new IntrospectionOptions
        {
            Descriptions = true,
            SpecifiedByUrl = true,
            DirectiveIsRepeatable = true,
            SchemaDescription = true,
            InputValueDeprecation = true,
            OneOf = true,
        })
        : ReadShared($"queries/{name}.graphql");

    /// <summary>Limits high enough for every benchmark document (the many-fields case uses 100 aliases).</summary>
    public static EngineOptions Options { get; } = new() { MaxAliases = 1_000, MaxFields = 100_000 };

    public static Schema BuildSchema()
    {
        var data = JsonSerializer.Deserialize<BenchData>(ReadShared("data.json"), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        var users = data.Users.ToDictionary(user => user.Id);
        return SchemaBuilder.FromSdl(ReadShared("schema.graphql"))
            .Resolve("Query.me", _ => new ValueTask<object?>(users[data.MeId]))
            .Resolve("Query.user", context => new ValueTask<object?>(users.GetValueOrDefault(context.GetArgument<string>("id"))))
            .Resolve("Query.experiments", context => new ValueTask<object?>(data.Experiments.Take(context.GetArgument<int>("first")).ToArray()))
            .Resolve("Query.applications", _ => new ValueTask<object?>(data.Applications))
            .Resolve("Experiment.owner", context => new ValueTask<object?>(users[context.ParentAs<BenchExperiment>().OwnerId]))
            .BindType<BenchUser>("User")
            .BindType<BenchExperiment>("Experiment")
            .BindType<BenchParameter>("Parameter")
            .BindType<BenchFile>("File")
            .BindType<BenchApplication>("Application")
            .BindType<BenchApplicationField>("ApplicationField")
            .Build();
    }

    private static string FindShared()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var shared = Path.Combine(dir.FullName, "bench", "shared");
            if (Directory.Exists(shared))
            {
                return shared;
            }
        }

        throw new InvalidOperationException("bench/shared not found above " + AppContext.BaseDirectory);
    }
}
