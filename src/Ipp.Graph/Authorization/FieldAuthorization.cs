using Ipp.Graph.Accounts;
using Ipp.Graph.Engine.Binding;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Engine.Types;

namespace Ipp.Graph.Authorization;

/// <summary>
/// Enforces each field's <see cref="FieldRule"/> around its resolver, in one place for the whole contract: a caller
/// the rule refuses gets the <see cref="AccessPolicy"/>'s refusal as the field's error and the field is null; its
/// resolver never runs, so a refused mutation changes nothing and a refused subscription opens no stream. Fields
/// anyone may call keep their resolver as it is.
/// </summary>
/// <remarks>
/// A root field (of Query, Mutation or Subscription) asks for the caller whose session is live; the fields below it
/// in the same execution ask for the request's caller without checking the session again (the root did, a moment
/// before; a subscription's stream ends with its session), so a page of objects costs no clock reads per field. Both
/// hold the grants (roles, approval) announced since the caller was read (<see cref="CallerGrants"/>).
/// </remarks>
public sealed class FieldAuthorization(AccessPolicy policy, CallerGrants grants) : IFieldWrapper
{
    /// <summary>Checks callers as their principal says, with no grants announced since (a schema outside the server).</summary>
    public FieldAuthorization(AccessPolicy policy)
        : this(policy, new CallerGrants())
    {
    }

    public FieldResolver WrapResolver(Schema schema, FieldDefinition field, FieldResolver resolver)
    {
        var rule = FieldRule.Of(field);
        if (rule.AllowsAnonymous)
        {
            return resolver;
        }

        var required = rule.Required;
        return IsRoot(schema, field)
            ? context => policy.Refusal(context.LiveCaller(), required) is { } refusal ? throw refusal : resolver(context)
            : context => policy.Refusal(RequestCaller(context), required) is { } refusal ? throw refusal : resolver(context);
    }

    public SubscriptionResolver WrapSubscriber(Schema schema, FieldDefinition field, SubscriptionResolver subscriber)
    {
        var rule = FieldRule.Of(field);
        if (rule.AllowsAnonymous)
        {
            return subscriber;
        }

        var required = rule.Required;
        return context => policy.Refusal(context.LiveCaller(), required) is { } refusal ? throw refusal : subscriber(context);
    }

    private static bool IsRoot(Schema schema, FieldDefinition field) =>
        ReferenceEquals(field.DeclaringType, schema.Query) || ReferenceEquals(field.DeclaringType, schema.Mutation);

    private SignedInCaller? RequestCaller(ResolveContext context) =>
        SignedInCaller.TryRead(context.Request.User, out var caller) ? grants.Current(caller) : null;
}
