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
/// <remarks>
/// graphql-js prints no applied directives but those its type system models (<c>@deprecated</c>, <c>@specifiedBy</c>,
/// <c>@oneOf</c>). With <c>appliedDirectives</c>, the others the SDL applied follow them, as HotChocolate's schema
/// export writes them (<c>me: User @authorize(policy: "x")</c>): on types (those of their extensions after their own),
/// fields, arguments, input fields and enum values, in the order they were written.
/// </remarks>
public static class PrintSchema
{
    /// <summary>The schema as graphql-js's printSchema writes it.</summary>
    public static string Print(Schema schema) => Print(schema, appliedDirectives: false);

    /// <summary>The schema as SDL; with <paramref name="appliedDirectives"/>, with the directives the SDL applied.</summary>
    public static string Print(Schema schema, bool appliedDirectives)
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
                parts.Add(PrintDirective(directive, appliedDirectives));
            }
        }

        foreach (var type in schema.TypeMap.Values)
        {
            if (!SpecifiedScalars.IsSpecified(type) && !IntrospectionTypes.IsIntrospectionType(type))
            {
                parts.Add(PrintType(type, appliedDirectives));
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

    private static string PrintType(NamedType type, bool applied)
    {
        var directives = applied ? PrintApplied(type) : "";
        return type switch
        {
            ScalarType scalar => PrintDescription(scalar.Description) + "scalar " + scalar.Name + PrintSpecifiedByUrl(scalar) + directives,
            ObjectType objectType => PrintDescription(type.Description) + "type " + type.Name + PrintInterfaces(objectType) + directives + PrintFields(objectType, applied),
            InterfaceType @interface => PrintDescription(type.Description) + "interface " + type.Name + PrintInterfaces(@interface) + directives + PrintFields(@interface, applied),
            UnionType union => PrintDescription(type.Description) + "union " + type.Name + directives + PrintMembers(union),
            EnumType enumType => PrintDescription(type.Description) + "enum " + type.Name + directives + PrintEnumValues(enumType, applied),
            InputObjectType input => PrintDescription(type.Description) + "input " + type.Name + (input.IsOneOf ? " @oneOf" : "") + directives + PrintInputFields(input, applied),
            _ => throw new ArgumentException($"Unexpected type: {type}.", nameof(type)),
        };
    }

    private static string PrintInterfaces(ComplexType type) =>
        type.Interfaces.Count == 0 ? "" : " implements " + string.Join(" & ", type.Interfaces.Select(i => i.Name));

    private static string PrintMembers(UnionType union) =>
        union.Types.Count == 0 ? "" : " = " + string.Join(" | ", union.Types.Select(t => t.Name));

    private static string PrintFields(ComplexType type, bool applied)
    {
        var lines = new List<string>(type.Fields.Count);
        for (var i = 0; i < type.Fields.Count; i++)
        {
            var field = type.Fields[i];
            lines.Add(PrintDescription(field.Description, "  ", i == 0) + "  " + field.Name + PrintArguments(field.Arguments, applied, "  ")
                + ": " + field.Type + PrintDeprecated(field.DeprecationReason) + (applied ? PrintApplied(field.AstNode) : ""));
        }

        return PrintBlock(lines);
    }

    private static string PrintEnumValues(EnumType type, bool applied)
    {
        var lines = new List<string>(type.Values.Count);
        for (var i = 0; i < type.Values.Count; i++)
        {
            var value = type.Values[i];
            lines.Add(PrintDescription(value.Description, "  ", i == 0) + "  " + value.Name + PrintDeprecated(value.DeprecationReason)
                + (applied ? PrintApplied(value.AstNode) : ""));
        }

        return PrintBlock(lines);
    }

    private static string PrintInputFields(InputObjectType type, bool applied)
    {
        var lines = new List<string>(type.Fields.Count);
        for (var i = 0; i < type.Fields.Count; i++)
        {
            var field = type.Fields[i];
            lines.Add(PrintDescription(field.Description, "  ", i == 0) + "  " + PrintInputValue(field, applied));
        }

        return PrintBlock(lines);
    }

    private static string PrintBlock(List<string> lines) => lines.Count == 0 ? "" : " {\n" + string.Join("\n", lines) + "\n}";

    private static string PrintArguments(IReadOnlyList<ArgumentDefinition> arguments, bool applied, string indentation = "")
    {
        if (arguments.Count == 0)
        {
            return "";
        }

        // Without descriptions, the arguments fit on one line.
        if (arguments.All(a => string.IsNullOrEmpty(a.Description)))
        {
            return "(" + string.Join(", ", arguments.Select(argument => PrintInputValue(argument, applied))) + ")";
        }

        var lines = new List<string>(arguments.Count);
        for (var i = 0; i < arguments.Count; i++)
        {
            lines.Add(PrintDescription(arguments[i].Description, "  " + indentation, i == 0) + "  " + indentation + PrintInputValue(arguments[i], applied));
        }

        return "(\n" + string.Join("\n", lines) + "\n" + indentation + ")";
    }

    private static string PrintInputValue(InputValueDefinition value, bool applied)
    {
        var text = value.Name + ": " + value.Type;
        if (value.HasDefaultValue && AstFromValue.Convert(value.DefaultValue, value.Type) is { } literal)
        {
            text += " = " + Printer.Print(literal);
        }

        return text + PrintDeprecated(value.DeprecationReason) + (applied ? PrintApplied(value.AstNode) : "");
    }

    private static string PrintDirective(DirectiveDefinition directive, bool applied) =>
        PrintDescription(directive.Description) + "directive @" + directive.Name + PrintArguments(directive.Arguments, applied)
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

    /// <summary>The directives a type's definition and extensions applied, but those printed from the type system.</summary>
    private static string PrintApplied(NamedType type)
    {
        var text = PrintApplied(type.AstNode);
        foreach (var extension in type.ExtensionAstNodes)
        {
            text += PrintApplied(extension);
        }

        return text;
    }

    /// <summary>The directives a definition applied (<c> @a @b(x: 1)</c>), but those printed from the type system.</summary>
    private static string PrintApplied(IHasDirectives? node)
    {
        var text = "";
        foreach (var directive in node?.Directives ?? [])
        {
            var name = directive.Name.Value;
            if (name != Directives.Deprecated.Name && name != Directives.SpecifiedBy.Name && name != Directives.OneOf.Name)
            {
                text += " " + Printer.Print(directive);
            }
        }

        return text;
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
