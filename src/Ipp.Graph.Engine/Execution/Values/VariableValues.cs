using System.Text;
using System.Text.Json;
using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Execution.Planning;
using Ipp.Graph.Engine.JavaScript;
using Ipp.Graph.Engine.Language;
using Ipp.Graph.Engine.Utilities;

namespace Ipp.Graph.Engine.Execution.Values;

/// <summary>Coerces a request's raw variable values to the operation's variable types (graphql-js's getVariableValues).</summary>
internal static class VariableValues
{
    /// <summary>Coerced variables of an operation that defines none.</summary>
    public static readonly IReadOnlyDictionary<string, object?> None = new Dictionary<string, object?>(0);

    /// <summary>
    /// The coerced values, holding the given variables and the defaults of those not given; null with
    /// <paramref name="errors"/> set (code BAD_USER_INPUT, graphql-js's messages) when any is invalid.
    /// </summary>
    /// <param name="variables">The operation's variable definitions.</param>
    /// <param name="inputs">A JSON object (<see cref="JsonElement"/>), a string-keyed dictionary, or null.</param>
    /// <param name="maxErrors">After this many errors, coercion stops with one more error saying so.</param>
    /// <param name="errors">The errors, when coercion failed.</param>
    public static IReadOnlyDictionary<string, object?>? Coerce(
        VariablePlan[] variables, object? inputs, int maxErrors, out List<GraphQLError>? errors)
    {
        errors = null;
        if (!TryReadInputs(inputs, out var reader))
        {
            errors =
            [
                new GraphQLError(
                    "Variables must be provided as an Object where each property is a variable value. Perhaps look to see if an unparsed JSON string was provided.",
                    code: ErrorCodes.BadUserInput),
            ];
            return null;
        }

        if (variables.Length == 0)
        {
            return None;
        }

        var collector = new ErrorCollector(maxErrors);
        var coerced = new Dictionary<string, object?>(variables.Length, StringComparer.Ordinal);
        try
        {
            foreach (var variable in variables)
            {
                CoerceOne(variable, reader, coerced, collector);
            }
        }
        catch (TooManyErrors)
        {
            collector.Errors.Add(new GraphQLError(
                "Too many errors processing variables, error limit reached. Execution aborted.", code: ErrorCodes.BadUserInput));
        }

        if (collector.Errors.Count > 0)
        {
            errors = collector.Errors;
            return null;
        }

        return coerced;
    }

    private static void CoerceOne(VariablePlan variable, InputObject reader, Dictionary<string, object?> coerced, ErrorCollector collector)
    {
        var name = variable.Name;
        var definition = variable.Definition;
        var type = variable.Type;
        if (type is null || !type.IsInputType)
        {
            collector.Add(new GraphQLError(
                $"Variable \"${name}\" expected value of type \"{Printer.Print(definition.Type)}\" which cannot be used as an input type.",
                [definition.Type],
                ErrorCodes.BadUserInput));
            return;
        }

        if (reader.IsNone || !reader.TryGet(name, out var value))
        {
            if (definition.DefaultValue is not null)
            {
                if (ValueFromAst.TryConvert(definition.DefaultValue, type, null, out var defaultValue))
                {
                    coerced[name] = defaultValue;
                }
            }
            else if (type is Types.NonNullType)
            {
                collector.Add(new GraphQLError(
                    $"Variable \"${name}\" of required type \"{type}\" was not provided.", [definition], ErrorCodes.BadUserInput));
            }

            return;
        }

        if (value is JsonElement { ValueKind: JsonValueKind.Null })
        {
            value = null;
        }

        if (value is null && type is Types.NonNullType)
        {
            collector.Add(new GraphQLError(
                $"Variable \"${name}\" of non-null type \"{type}\" must not be null.", [definition], ErrorCodes.BadUserInput));
            return;
        }

        coerced[name] = CoerceInputValue.Coerce(value, type, (path, invalidValue, error) =>
        {
            var message = new StringBuilder("Variable \"$").Append(name).Append("\" got invalid value ").Append(Inspect.Format(invalidValue));
            if (path.Count > 0)
            {
                message.Append(" at \"").Append(name).Append(CoerceInputValue.PrintPath(path)).Append('"');
            }

            message.Append("; ").Append(error.Message);
            collector.Add(new GraphQLError(
                message.ToString(),
                GraphQLError.LocationsOf([definition]),
                null,
                ErrorCodes.BadUserInput,
                error.Extensions,
                error));
        });
    }

    /// <summary>False when the inputs are neither absent (null) nor an object.</summary>
    private static bool TryReadInputs(object? inputs, out InputObject reader)
    {
        if (inputs is null or JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined })
        {
            reader = default;
            return true;
        }

        reader = InputObject.Of(inputs);
        return !reader.IsNone;
    }

    private sealed class TooManyErrors : Exception
    {
    }

    private sealed class ErrorCollector(int maxErrors)
    {
        public List<GraphQLError> Errors { get; } = [];

        public void Add(GraphQLError error)
        {
            if (Errors.Count >= maxErrors)
            {
                throw new TooManyErrors();
            }

            Errors.Add(error);
        }
    }
}
