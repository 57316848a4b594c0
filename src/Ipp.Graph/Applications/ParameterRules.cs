using System.Text;
using System.Text.Json;

namespace Ipp.Graph.Applications;

/// <summary>
/// Whether one value suits a non-attachment field, and the value as it is stored. Values come as a
/// <see cref="JsonElement"/> or in the engine's JSON shape (string, bool, long, double, dictionaries, lists).
/// Strict JSON types: an INTEGER takes a whole JSON number (5 or 5.0, not "5"), a FLOAT any JSON number, a STRING a
/// JSON string; a SELECT takes a string or number whose text is one of the choices' values (the IPP catalogue mixes them).
/// </summary>
internal static class ParameterRules
{
    /// <summary>A problem message (no final period) or null, with the value to store: string, long or double.</summary>
    /// <param name="field">A field of any type but ATTACHMENT.</param>
    /// <param name="value">The value given; not null.</param>
    /// <param name="subject">How the message names the value: <c>'k'</c>, <c>the experiment's name</c>...</param>
    /// <param name="normalised">The value to store when there is no problem.</param>
    public static string? Check(ApplicationField field, object value, string subject, out object normalised)
    {
        normalised = value;
        switch (field.Type)
        {
            case ApplicationFieldType.String:
                if (!TryGetText(value, out var text))
                {
                    return subject + " must be text" + LengthRule(field);
                }

                var length = CountCharacters(text);
                if (length < field.Min || length > field.Max)
                {
                    return subject + " must be text" + LengthRule(field);
                }

                normalised = text;
                return null;
            case ApplicationFieldType.Integer:
                if (!TryGetNumber(value, out var number) || number != Math.Floor(number) || Math.Abs(number) > 9007199254740991
                    || number < field.Min || number > field.Max)
                {
                    return subject + " must be an integer" + RangeRule(field);
                }

                normalised = (long)number;
                return null;
            case ApplicationFieldType.Float:
                if (!TryGetNumber(value, out number) || number < field.Min || number > field.Max)
                {
                    return subject + " must be a number" + RangeRule(field);
                }

                normalised = number;
                return null;
            case ApplicationFieldType.Select:
                string? choice = TryGetText(value, out text) ? text
                    : TryGetNumber(value, out number) ? NumberText.Format(number)
                    : null;
                if (choice is null || !field.HasChoice(choice))
                {
                    return subject + " must be one of " + ChoiceList(field);
                }

                normalised = choice;
                return null;
            default:
                throw new ArgumentException($"Field '{field.Name}' takes files, not a value.", nameof(field));
        }
    }

    /// <summary>True for a JSON string, or a string, with its text.</summary>
    public static bool TryGetText(object value, out string text)
    {
        switch (value)
        {
            case string s:
                text = s;
                return true;
            case JsonElement { ValueKind: JsonValueKind.String } element:
                text = element.GetString()!;
                return true;
            default:
                text = "";
                return false;
        }
    }

    /// <summary>True for a finite JSON number, or a .NET number, with its value.</summary>
    private static bool TryGetNumber(object value, out double number)
    {
        number = value switch
        {
            JsonElement { ValueKind: JsonValueKind.Number } element => element.TryGetDouble(out var d) ? d : double.NaN,
            long l => l,
            int i => i,
            double d => d,
            decimal m => (double)m,
            float f => f,
            short s => s,
            byte b => b,
            sbyte sb => sb,
            ushort us => us,
            uint ui => ui,
            ulong ul => ul,
            _ => double.NaN,
        };
        return double.IsFinite(number);
    }

    /// <summary>Characters as people count them: Unicode scalar values (an emoji is one, not two UTF-16 units).</summary>
    private static int CountCharacters(string text)
    {
        var count = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    private static string LengthRule(ApplicationField field) => (field.Min, field.Max) switch
    {
        ({ } min, { } max) when min == max => $" of exactly {NumberText.Format(min)} {Characters(min)}",
        ({ } min, { } max) => $" of {NumberText.Format(min)} to {NumberText.Format(max)} characters",
        ({ } min, null) => $" of at least {NumberText.Format(min)} {Characters(min)}",
        (null, { } max) => $" of at most {NumberText.Format(max)} {Characters(max)}",
        _ => "",
    };

    private static string Characters(double count) => count == 1 ? "character" : "characters";

    private static string RangeRule(ApplicationField field) => (field.Min, field.Max) switch
    {
        ({ } min, { } max) => $" from {NumberText.Format(min)} to {NumberText.Format(max)}",
        ({ } min, null) => $" of at least {NumberText.Format(min)}",
        (null, { } max) => $" of at most {NumberText.Format(max)}",
        _ => "",
    };

    private static string ChoiceList(ApplicationField field)
    {
        var list = new StringBuilder();
        foreach (var choice in field.Choices!)
        {
            if (list.Length > 0)
            {
                list.Append(", ");
            }

            list.Append('\'').Append(choice.Value).Append('\'');
        }

        return list.ToString();
    }

    /// <summary>Writes a value <see cref="Check"/> normalised.</summary>
    public static void Write(Utf8JsonWriter writer, object normalised)
    {
        switch (normalised)
        {
            case string text:
                writer.WriteStringValue(text);
                break;
            case long integer:
                writer.WriteNumberValue(integer);
                break;
            case double number:
                writer.WriteNumberValue(number);
                break;
            default:
                throw new ArgumentException("Not a normalised parameter value: " + normalised.GetType(), nameof(normalised));
        }
    }

    /// <summary>A count of files in words: "1 file", "4 files".</summary>
    public static string Files(double count) =>
        NumberText.Format(count) + (count == 1 ? " file" : " files");
}
