using Ipp.Graph.Engine.Language;
using Ipp.Graph.Engine.Language.Ast;

namespace Ipp.Graph.Tests.Authorization;

/// <summary>
/// The rule the contract declares for each field of its object types, read from SDL as a client's tooling reads
/// HotChocolate's directives (the server's own reading is not trusted here): <see cref="Anyone"/> for
/// <c>@allowAnonymous</c>; otherwise the <c>@authorize</c> directives of the field and of its type together:
/// <see cref="SignedIn"/> when none names a policy, else the policies joined by <c>+</c>; null without either.
/// </summary>
public static class ContractRules
{
    public const string Anyone = "anyone";

    public const string SignedIn = "signed in";

    /// <summary>Each field's rule by coordinate (<c>Query.me</c>), for every field of every object type of <paramref name="sdl"/>.</summary>
    public static Dictionary<string, string?> Read(string sdl)
    {
        var document = Parser.Parse(new Source(sdl, "schema.graphql"));
        var typeRules = new Dictionary<string, List<DirectiveNode>>(StringComparer.Ordinal);
        var fields = new List<(string Type, FieldDefinitionNode Field)>();
        foreach (var definition in document.Definitions)
        {
            (string Name, IReadOnlyList<DirectiveNode> Directives, IReadOnlyList<FieldDefinitionNode> Fields) type;
            if (definition is ObjectTypeDefinitionNode defined)
            {
                type = (defined.Name.Value, defined.Directives, defined.Fields);
            }
            else if (definition is ObjectTypeExtensionNode extension)
            {
                type = (extension.Name.Value, extension.Directives, extension.Fields);
            }
            else
            {
                continue;
            }

            var (name, directives, typeFields) = type;

            if (!typeRules.TryGetValue(name, out var rules))
            {
                typeRules[name] = rules = [];
            }

            rules.AddRange(directives.Where(d => d.Name.Value == "authorize"));
            fields.AddRange(typeFields.Select(field => (name, field)));
        }

        return fields.ToDictionary(f => $"{f.Type}.{f.Field.Name.Value}", f => RuleOf(f.Field, typeRules[f.Type]), StringComparer.Ordinal);
    }

    private static string? RuleOf(FieldDefinitionNode field, List<DirectiveNode> typeRules)
    {
        if (field.Directives.Any(d => d.Name.Value == "allowAnonymous"))
        {
            return Anyone;
        }

        var rules = field.Directives.Where(d => d.Name.Value == "authorize").Concat(typeRules).ToList();
        if (rules.Count == 0)
        {
            return null;
        }

        var policies = rules
            .SelectMany(rule => rule.Arguments.Where(a => a.Name.Value == "policy").Select(a => ((StringValueNode)a.Value).Value))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        return policies.Count == 0 ? SignedIn : string.Join('+', policies);
    }
}
