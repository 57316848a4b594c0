using System.Text;
using Ipp.Graph.Engine.Language;
using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.Engine.Types;
using Ipp.Graph.Engine.Types.Introspection;
using Ipp.Graph.Engine.Types.Scalars;

namespace Ipp.Graph.Engine.Utilities;

/// <summary>
/// Writes a schema as SDL exactly as graphql-js's printSchema does: the schema definition only when the root types are
/// not named Query, Mutation and Subscription (or the schema has a description), then the directives and the types in
/// the schema's order, leaving out the built-in scalars, directives and introspection types.
/// </summary>
public static class PrintSchema
{
    public static string Print(Schema schema)
    {
        var parts = new List<string>();
        if (PrintSchemaDefinition(schema) is { } definition)
        {
            parts.Add(definition);
        }

        foreach (var directive in schema.Directives)
        {
            if (!Directives.IsSpecified(directive))
            {
                parts.Add(PrintDirective(directive));
            }
        }

        foreach (var type in schema.TypeMap.Values)
        {
            if (!SpecifiedScalars.IsSpecified(type) && !IntrospectionTypes.IsIntrospectionType(type))
            {
                parts.Add(PrintType(type));
            }
        }

        return string.Join("\n\n", parts);
    }

    private static string? PrintSchemaDefinition(Schema schema)
    {
        var commonNames = schema.Query is null or { Name: "Query" }
            && schema.Mutation is null or { Name: "Mutation" }
            && schema.Subscription is null or { Name: "Subscription" };
        if (schema.Description is null && commonNames)
        {
            return null;
        }

        var text = new StringBuilder(PrintDescription(schema.Description)).Append("schema {\n");
        if (schema.Query is { } query)
        {
            text.Append("  query: ").Append(query.Name).Append('\n');
        }

        if (schema.Mutation is { } mutation)
        {
            text.Append("  mutation: ").Append(mutation.Name).Append('\n');
        }

        if (schema.Subscription is { } subscription)
        {
            text.Append("  subscription: ").Append(subscription.Name).Append('\n');
        }

        return text.Append('}').ToString();
    }

    private static string PrintType(NamedType type) => type switch
    {
        ScalarType scalar => PrintDescription(scalar.Description) + "scalar " + scalar.Name + PrintSpecifiedByUrl(scalar),
        ObjectType objectType => PrintDescription(type.Description) + "type " + type.Name + PrintInterfaces(objectType) + PrintFields(objectType),
        InterfaceType @interface => PrintDescription(type.Description) + "interface " + type.Name + PrintInterfaces(@interface) + PrintFields(@interface),
        UnionType union => PrintDescription(type.Description) + "union " + type.Name + PrintMembers(union),
        EnumType enumType => PrintDescription(type.Description) + "enum " + type.Name + PrintEnumValues(enumType),
        InputObjectType input => PrintDescription(type.Description) + "input " + type.Name + (input.IsOneOf ? " @oneOf" : "") + PrintInputFields(input),
        _ => throw new ArgumentException($"Unexpected type: {type}.", nameof(type)),
    };

    private static string PrintInterfaces(ComplexType type) =>
        type.Interfaces.Count == 0 ? "" : " implements " + string.Join(" & ", type.Interfaces.Select(i => i.Name));

    private static string PrintMembers(UnionType union) =>
        union.Types.Count == 0 ? "" : " = " + string.Join(" | ", union.Types.Select(t => t.Name));

    private static string PrintFields(ComplexType type)
    {
        var lines = new List<string>(type.Fields.Count);
        for (var i = 0; i < type.Fields.Count; i++)
        {
            var field = type.Fields[i];
            lines.Add(PrintDescription(field.Description, "  ", i == 0) + "  " + field.Name + PrintArguments(field.Arguments, "  ")
                + ": " + field.Type + PrintDeprecated(field.DeprecationReason));
        }

        return PrintBlock(lines);
    }

    private static string PrintEnumValues(EnumType type)
    {
        var lines = new List<string>(type.Values.Count);
        for (var i = 0; i < type.Values.Count; i++)
        {
            var value = type.Values[i];
            lines.Add(PrintDescription(value.Description, "  ", i == 0) + "  " + value.Name + PrintDeprecated(value.DeprecationReason));
        }

        return PrintBlock(lines);
    }

    private static string PrintInputFields(InputObjectType type)
    {
        var lines = new List<string>(type.Fields.Count);
        for (var i = 0; i < type.Fields.Count; i++)
        {
            var field = type.Fields[i];
            lines.Add(PrintDescription(field.Description, "  ", i == 0) + "  " + PrintInputValue(field));
        }

        return PrintBlock(lines);
    }

    private static string PrintBlock(List<string> lines) => lines.Count == 0 ? "" : " {\n" + string.Join("\n", lines) + "\n}";

    private static string PrintArguments(IReadOnlyList<ArgumentDefinition> arguments, string indentation = "")
    {
        if (arguments.Count == 0)
        {
            return "";
        }

        // Without descriptions, the arguments fit on one line.
        if (arguments.All(a => string.IsNullOrEmpty(a.Description)))
        {
            return "(" + string.Join(", ", arguments.Select(PrintInputValue)) + ")";
        }

        var lines = new List<string>(arguments.Count);
        for (var i = 0; i < arguments.Count; i++)
        {
            lines.Add(PrintDescription(arguments[i].Description, "  " + indentation, i == 0) + "  " + indentation + PrintInputValue(arguments[i]));
        }

        return "(\n" + string.Join("\n", lines) + "\n" + indentation + ")";
    }

    private static string PrintInputValue(InputValueDefinition value)
    {
        var text = value.Name + ": " + value.Type;
        if (value.HasDefaultValue && AstFromValue.Convert(value.DefaultValue, value.Type) is { } literal)
        {
            text += " = " + Printer.Print(literal);
        }

        return text + PrintDeprecated(value.DeprecationReason);
    }

    private static string PrintDirective(DirectiveDefinition directive) =>
        PrintDescription(directive.Description) + "directive @" + directive.Name + PrintArguments(directive.Arguments)
        + (directive.IsRepeatable ? " repeatable" : "") + " on " + string.Join(" | ", directive.Locations);

    private static string PrintDeprecated(string? reason)
    {
        if (reason is null)
        {
            return "";
        }

        return reason == Directives.DefaultDeprecationReason
            ? " @deprecated"
            : " @deprecated(reason: " + Printer.PrintString(reason) + ")";
    }

    private static string PrintSpecifiedByUrl(ScalarType scalar) =>
        scalar.SpecifiedByUrl is null ? "" : " @specifiedBy(url: " + Printer.PrintString(scalar.SpecifiedByUrl) + ")";

    /// <param name="description">The description; nothing is printed without one.</param>
    /// <param name="indentation">The indentation of the element described.</param>
    /// <param name="firstInBlock">False for later items of a block, which get an empty line before their description.</param>
    private static string PrintDescription(string? description, string indentation = "", bool firstInBlock = true)
    {
        if (description is null)
        {
            return "";
        }

        var literal = Printer.Print(new StringValueNode { Value = description, Block = BlockString.IsPrintableAsBlockString(description) });
        var prefix = indentation.Length > 0 && !firstInBlock ? "\n" + indentation : indentation;
        return prefix + literal.Replace("\n", "\n" + indentation) + "\n";
    }
}
