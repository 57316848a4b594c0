using System.Text;
using Ipp.Graph.Engine.Types;

namespace Ipp.Graph.Engine.Tests.Validation.Support;

/// <summary>
/// Writes random executable documents over a schema, mostly well-formed but with every kind of mistake the rules
/// look for (unknown names, wrong values, misplaced directives, undefined or unused variables, fragment cycles,
/// conflicting fields...). Deterministic for a given seed.
/// </summary>
internal sealed class RandomDocuments(Schema schema, int seed)
{
    private static readonly string[] FragmentNames = ["F0", "F1", "F2", "F3"];
    private static readonly string[] VariableNames = ["v0", "v1", "v2", "v3"];
    private static readonly string[] Aliases = ["a", "b", "name", "x", "dog"];
    private static readonly string[] StrayNames = ["unknown", "nam", "barks", "meows", "__typename", "__schema", "__type", "fields"];
    private static readonly string[] VariableTypes = ["Int", "Int!", "String", "[String]", "[String!]!", "Boolean!", "Boolean", "ComplexInput", "OneOfInput", "FurColor", "Dog", "Unknown", "ID"];
    private static readonly string[] Directives =
    [
        "@include(if: true)", "@skip(if: false)", "@include(if: $v0)", "@skip(if: $v1)", "@onField", "@onQuery", "@unknown",
        "@repeatable", "@repeatable", "@withArgs(required: 1)", "@withArgs(optional: \"y\")", "@include", "@skip(if: true, if: false)",
        "@onFragmentSpread", "@onInlineFragment", "@onFragmentDefinition", "@onVariableDefinition",
    ];

    private readonly Random _random = new(seed);
    private readonly NamedType[] _types = [.. schema.TypeMap.Values];

    public string Next()
    {
        var text = new StringBuilder();
        var operations = _random.Next(1, 4);
        for (var i = 0; i < operations; i++)
        {
            WriteOperation(text);
            text.Append('\n');
        }

        var fragments = _random.Next(0, 5);
        for (var i = 0; i < fragments; i++)
        {
            var type = RandomTypeName(composite: _random.Next(5) > 0);
            text.Append("fragment ").Append(Pick(FragmentNames)).Append(" on ").Append(type).Append(Maybe(10, " " + Pick(Directives))).Append(' ');
            WriteSelectionSet(text, schema.GetType(type), 0);
            text.Append('\n');
        }

        if (_random.Next(20) == 0)
        {
            text.Append("type Extra { a: Int }\n");
        }

        return text.ToString();
    }

    private void WriteOperation(StringBuilder text)
    {
        var kind = _random.Next(10) switch { < 7 => "query", < 9 => "mutation", _ => "subscription" };
        var root = kind switch { "query" => schema.Query, "mutation" => schema.Mutation, _ => schema.Subscription };
        if (_random.Next(6) > 0 || kind != "query")
        {
            text.Append(kind).Append(Maybe(80, " " + Pick(["Q", "R", "S", "Q"])));
            var variables = _random.Next(0, 4);
            if (variables > 0)
            {
                text.Append('(');
                for (var i = 0; i < variables; i++)
                {
                    var type = Pick(VariableTypes);
                    text.Append('$').Append(Pick(VariableNames)).Append(": ").Append(type);
                    if (_random.Next(4) == 0)
                    {
                        text.Append(" = ").Append(RandomValue(schema.GetType(type.Trim('[', ']', '!')), 0));
                    }

                    text.Append(Maybe(10, " " + Pick(Directives))).Append(' ');
                }

                text.Append(')');
            }

            text.Append(Maybe(15, " " + Pick(Directives))).Append(' ');
        }

        WriteSelectionSet(text, root, 0);
    }

    private void WriteSelectionSet(StringBuilder text, NamedType? type, int depth)
    {
        text.Append("{ ");
        var count = _random.Next(1, 5);
        for (var i = 0; i < count; i++)
        {
            var choice = _random.Next(20);
            if (choice < 14 || depth > 3)
            {
                WriteField(text, type, depth);
            }
            else if (choice < 17)
            {
                text.Append("... ");
                if (_random.Next(4) > 0)
                {
                    var condition = RandomTypeName(composite: _random.Next(6) > 0);
                    text.Append("on ").Append(condition).Append(' ');
                    type = schema.GetType(condition) ?? type;
                }

                text.Append(Maybe(15, Pick(Directives) + " "));
                WriteSelectionSet(text, type, depth + 1);
            }
            else
            {
                text.Append("...").Append(_random.Next(8) == 0 ? "Missing" : Pick(FragmentNames)).Append(Maybe(15, " " + Pick(Directives)));
            }

            text.Append(' ');
        }

        text.Append('}');
    }

    private void WriteField(StringBuilder text, NamedType? parent, int depth)
    {
        var fields = parent is ComplexType complex ? complex.Fields : [];
        FieldDefinition? field = fields.Count > 0 && _random.Next(6) > 0 ? fields[_random.Next(fields.Count)] : null;
        var name = field?.Name ?? Pick(StrayNames);
        text.Append(Maybe(20, Pick(Aliases) + ": ")).Append(name);
        var arguments = new List<string>();
        foreach (var argument in field?.Arguments ?? [])
        {
            if (_random.Next(10) < 6)
            {
                arguments.Add(argument.Name + ": " + RandomValue(argument.Type.Named, 0));
            }
        }

        if (_random.Next(10) == 0)
        {
            arguments.Add(Pick(["surname", "x", "bogus", "dogCommand"]) + ": " + RandomValue(null, 0));
        }

        if (arguments.Count > 0)
        {
            text.Append('(').Append(string.Join(", ", arguments)).Append(')');
        }

        text.Append(Maybe(15, " " + Pick(Directives)));
        var fieldType = field?.Type.Named;
        if (fieldType is ComplexType or UnionType ? _random.Next(12) > 0 : _random.Next(12) == 0)
        {
            text.Append(' ');
            if (depth < 4)
            {
                WriteSelectionSet(text, fieldType, depth + 1);
            }
            else
            {
                text.Append("{ __typename }");
            }
        }
    }

    /// <summary>A value for an input type, right most of the time; any value when the type is unknown.</summary>
    private string RandomValue(NamedType? type, int depth)
    {
        if (_random.Next(8) == 0 || depth > 2)
        {
            return Pick(["1", "-7", "2.5", "\"s\"", "\"\"\"block\"\"\"", "true", "null", "SIT", "BLACK", "$v0", "$v2", "[1, \"a\"]", "{requiredField: true}", "[]", "{}"]);
        }

        switch (type)
        {
            case InputObjectType input:
                var fields = input.Fields.Where(_ => _random.Next(3) > 0).Select(f => f.Name + ": " + RandomValue(f.Type.Named, depth + 1)).ToList();
                if (_random.Next(6) == 0)
                {
                    fields.Add(Pick(["bogus", "intfield", "stringField"]) + ": " + RandomValue(null, depth + 1));
                }

                return "{" + string.Join(", ", fields) + "}";
            case EnumType enumType:
                return enumType.Values[_random.Next(enumType.Values.Count)].Name;
            case ScalarType scalar:
                var value = scalar.Name switch
                {
                    "Int" => Pick(["0", "42", "-3", "3000000000"]),
                    "Float" => Pick(["1.5", "2", "-0.25e3"]),
                    "String" or "ID" => Pick(["\"abc\"", "\"\"", "\"\"\"doc\"\"\""]),
                    "Boolean" => Pick(["true", "false"]),
                    _ => "\"x\"",
                };
                return _random.Next(4) == 0 ? "[" + value + "]" : value;
            default:
                return Pick(["1", "\"s\"", "$v1", "null"]);
        }
    }

    private string RandomTypeName(bool composite)
    {
        if (_random.Next(12) == 0)
        {
            return Pick(["Unknown", "Cow", "Strin"]);
        }

        var candidates = _types.Where(t => (t is ComplexType or UnionType) == composite && !t.Name.StartsWith("__", StringComparison.Ordinal)).ToArray();
        return candidates[_random.Next(candidates.Length)].Name;
    }

    private string Maybe(int percent, string text) => _random.Next(100) < percent ? text : "";

    private string Pick(string[] options) => options[_random.Next(options.Length)];
}
