using System.Runtime.CompilerServices;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Engine.Language;
using Ipp.Graph.Engine.Types.Scalars;
using Ipp.Graph.Engine.Utilities;
using static Ipp.Graph.Engine.Types.Introspection.IntrospectionDefinitions;

namespace Ipp.Graph.Engine.Types.Introspection;

/// <summary><c>__InputValue</c>: an argument of a field or directive, or a field of an input object type.</summary>
internal static class InputValueIntrospection
{
    // Printing a default value is costly and its result never changes, so each is printed once.
    private static readonly ConditionalWeakTable<InputValueDefinition, string?> PrintedDefaults = new();

    public static ObjectType CreateType() => ObjectType(
        "__InputValue",
        "An input value: an argument of a field or directive, or a field of an input object type. It has a type and may have a default value.");

    public static void DefineFields(ObjectType inputValue, ObjectType type)
    {
        inputValue.SetFields(
        [
            Field("name", NonNull(SpecifiedScalars.String), static context => new(Parent(context).Name), "The argument's or input field's name."),
            Field("description", SpecifiedScalars.String, static context => new(Parent(context).Description), "What the value is for, in Markdown."),
            Field("type", NonNull(type), static context => new(Parent(context).Type), "The type a given value must have."),
            Field("defaultValue", SpecifiedScalars.String, static context => new(DefaultValue(Parent(context))), "The value used when none is given, written as a GraphQL literal; null when there is none."),
            Field("isDeprecated", NonNull(SpecifiedScalars.Boolean), static context => new(ScalarValues.Box(Parent(context).IsDeprecated)), "True when clients should stop giving this value."),
            Field("deprecationReason", SpecifiedScalars.String, static context => new(Parent(context).DeprecationReason), "Why the value is deprecated and what to use instead; null when it is not deprecated."),
        ]);
    }

    /// <summary>
    /// The default as graphql-js prints it: the coerced default turned back into a literal of the value's type,
    /// then printed; null when there is no default or it cannot be represented in the type.
    /// </summary>
    public static string? DefaultValue(InputValueDefinition inputValue)
    {
        if (!inputValue.HasDefaultValue)
        {
            return null;
        }

        return PrintedDefaults.GetOrAdd(inputValue, static inputValue =>
            AstFromValue.Convert(inputValue.DefaultValue, inputValue.Type) is { } literal ? Printer.Print(literal) : null);
    }

    private static InputValueDefinition Parent(in ResolveContext context) => (InputValueDefinition)context.Parent!;
}
