using System.Text;
using Ipp.Graph.Engine.Error;

namespace Ipp.Graph.Engine.Binding;

/// <summary>
/// Why <see cref="SchemaBuilder.Build"/> could not build a schema: every problem found, each a <see cref="GraphQLError"/>
/// whose locations point into the SDL where it concerns the SDL. The message lists them all, one per line.
/// </summary>
public sealed class SchemaBuildException : Exception
{
    public SchemaBuildException(IReadOnlyList<GraphQLError> problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    /// <summary>The problems, in the order they were found.</summary>
    public IReadOnlyList<GraphQLError> Problems { get; }

    private static string Describe(IReadOnlyList<GraphQLError> problems)
    {
        var message = new StringBuilder("The schema cannot be built: ")
            .Append(problems.Count)
            .Append(problems.Count == 1 ? " problem." : " problems.");
        foreach (var problem in problems)
        {
            message.Append('\n').Append("- ").Append(problem.Message);
            if (problem.Locations is { Count: > 0 } locations)
            {
                message.Append(" (at ");
                for (var i = 0; i < locations.Count; i++)
                {
                    message.Append(i == 0 ? "" : ", ").Append(locations[i].Line).Append(':').Append(locations[i].Column);
                }

                message.Append(')');
            }
        }

        return message.ToString();
    }
}
