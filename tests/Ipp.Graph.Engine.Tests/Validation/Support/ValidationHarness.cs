using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Language;
using Ipp.Graph.Engine.Types;
using Ipp.Graph.Engine.Validation;

namespace Ipp.Graph.Engine.Tests.Validation.Support;

/// <summary>
/// Runs rules over documents and describes the errors as <c>message @ line:column, ...</c>, the form the checks
/// against graphql-js print, so expectations can be compared (and pasted) as text.
/// </summary>
internal static class ValidationHarness
{
    /// <summary>The errors of an executable document against a schema, by the given rules (all specified rules when none).</summary>
    public static string[] Errors(Schema schema, string document, params Func<ValidationContext, ValidationRule>[] rules) =>
        Describe(Validator.Validate(schema, Parser.Parse(document), rules.Length == 0 ? SpecifiedRules.Executable : rules));

    /// <summary>The errors of a type-system document, by the given rules (all SDL rules when none).</summary>
    public static string[] SdlErrors(string sdl, Schema? schemaToExtend, params Func<SdlValidationContext, ValidationRule>[] rules) =>
        Describe(Validator.ValidateSdl(Parser.Parse(sdl), schemaToExtend, rules.Length == 0 ? SpecifiedRules.Sdl : rules));

    public static string[] Describe(IEnumerable<GraphQLError> errors) => errors.Select(Describe).ToArray();

    public static string Describe(GraphQLError error) =>
        error.Message + (error.Locations is { } locations ? " @ " + string.Join(", ", locations.Select(l => $"{l.Line}:{l.Column}")) : "");
}
