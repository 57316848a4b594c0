using System.Text.Json;
using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.JavaScript;
using Ipp.Graph.Engine.Language;
using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.Engine.Utilities;

namespace Ipp.Graph.Engine.Types;

/// <summary>Coercion of enum values, with graphql-js's rules and messages.</summary>
public sealed partial class EnumType
{
    /// <summary>
    /// The name of the value whose internal value a resolver returned. For a bound enum, the member's name as a
    /// string is accepted too (resolvers reading names from storage need no conversion).
    /// </summary>
    public string Serialize(object value)
    {
        if (GetValueByInternal(value) is { } found)
        {
            return found.Name;
        }

        if (ClrType is not null && value is string name && GetValue(name) is { } named)
        {
            return named.Name;
        }

        throw new GraphQLError($"Enum \"{Name}\" cannot represent value: {Inspect.Format(value)}");
    }

    /// <summary>The internal value of a value name given in a variable.</summary>
    /// <param name="value">The variable's (non-null) value: a string, or a JSON string element.</param>
    /// <param name="hideSuggestions">Leave "Did you mean" out of messages (when the schema is not to be revealed).</param>
    public object ParseValue(object value, bool hideSuggestions = false)
    {
        var name = value switch
        {
            string text => text,
            JsonElement { ValueKind: JsonValueKind.String } element => JsonStrings.GetString(element),
            _ => null,
        };
        if (name is null)
        {
            var valueText = Inspect.Format(value);
            throw new GraphQLError(
                $"Enum \"{Name}\" cannot represent non-string value: {valueText}." + Suggest(valueText, hideSuggestions));
        }

        return GetValue(name)?.Value
            ?? throw new GraphQLError($"Value \"{name}\" does not exist in \"{Name}\" enum." + Suggest(name, hideSuggestions));
    }

    /// <summary>The internal value of an enum literal.</summary>
    public object ParseLiteral(ValueNode literal, bool hideSuggestions = false)
    {
        if (literal is not EnumValueNode enumLiteral)
        {
            var valueText = Printer.Print(literal);
            throw new GraphQLError(
                $"Enum \"{Name}\" cannot represent non-enum value: {valueText}." + Suggest(valueText, hideSuggestions),
                [literal]);
        }

        return GetValue(enumLiteral.Value)?.Value
            ?? throw new GraphQLError(
                $"Value \"{enumLiteral.Value}\" does not exist in \"{Name}\" enum." + Suggest(enumLiteral.Value, hideSuggestions),
                [literal]);
    }

    private string Suggest(string input, bool hideSuggestions)
    {
        if (hideSuggestions)
        {
            return "";
        }

        var names = new string[Values.Count];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = Values[i].Name;
        }

        return DidYouMean.Format("the enum value", SuggestionList.Find(input, names));
    }
}
