using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.Engine.Types;

namespace Ipp.Graph.Authorization;

/// <summary>
/// What a field of the contract needs, as its SDL says with HotChocolate's directives: <c>@allowAnonymous</c> (anyone),
/// or <c>@authorize</c> on the field or on its type (a signed-in caller), each with a <c>policy</c> naming a permission
/// the caller must hold (all of them when several apply). A directive on the type covers each of its fields; one on
/// the field adds to it; <c>@allowAnonymous</c> on the field lifts the type's.
/// </summary>
/// <remarks>
/// Of HotChocolate's arguments, <c>apply</c> is enforced as <c>BEFORE_RESOLVER</c> (the only one the contract uses: a
/// refused field's resolver never runs, so a refused mutation changes nothing), and <c>roles</c> not at all: what roles
/// may do is the <see cref="PermissionTable"/>'s to say, so the contract names permissions. Either given otherwise, a
/// policy naming no permission, or a field without a rule stops the server at start.
/// </remarks>
public sealed record FieldRule(bool AllowsAnonymous, PermissionSet Required)
{
    public const string AuthorizeDirective = "authorize";

    public const string AllowAnonymousDirective = "allowAnonymous";

    private static readonly FieldRule Anyone = new(true, PermissionSet.Empty);

    /// <summary>The field's rule; a <see cref="GraphQLError"/> naming the field when its directives declare none or one the server does not enforce.</summary>
    public static FieldRule Of(FieldDefinition field)
    {
        var onField = field.AstNode?.Directives ?? [];
        var anonymous = onField.Any(directive => directive.Name.Value == AllowAnonymousDirective);
        var authorize = onField.Where(IsAuthorize).ToList();
        if (anonymous)
        {
            return authorize.Count == 0
                ? Anyone
                : throw Problem(field, "is both @allowAnonymous and @authorize: give it one of them.");
        }

        var type = field.DeclaringType;
        foreach (var node in (IEnumerable<IHasDirectives?>)[type.AstNode, .. type.ExtensionAstNodes])
        {
            authorize.AddRange(node?.Directives.Where(IsAuthorize) ?? []);
        }

        if (authorize.Count == 0)
        {
            throw Problem(field, "declares no rule: give it @allowAnonymous or @authorize, or its type @authorize.");
        }

        var required = PermissionSet.Empty;
        foreach (var directive in authorize)
        {
            required = required.Union(Read(field, directive));
        }

        return new FieldRule(false, required);
    }

    private static bool IsAuthorize(DirectiveNode directive) => directive.Name.Value == AuthorizeDirective;

    /// <summary>The permission an <c>@authorize</c> names (none: a signed-in caller is enough).</summary>
    private static PermissionSet Read(FieldDefinition field, DirectiveNode directive)
    {
        var permissions = PermissionSet.Empty;
        foreach (var argument in directive.Arguments)
        {
            switch (argument.Name.Value, argument.Value)
            {
                case ("policy", StringValueNode policy):
                    permissions = Permissions.TryParse(policy.Value, out var permission)
                        ? PermissionSet.Of(permission)
                        : throw Problem(field, $"has @authorize(policy: \"{policy.Value}\"), which names no permission (docs/authorization.md lists them).");
                    break;
                case ("policy" or "roles", NullValueNode):
                case ("apply", EnumValueNode { Value: "BEFORE_RESOLVER" }):
                    break;
                case ("roles", _):
                    throw Problem(field, "has @authorize(roles:), which this server does not enforce: roles give permissions (PermissionTable), name the permission as the policy.");
                default:
                    throw Problem(field, $"has @authorize({argument.Name.Value}: {Engine.Language.Printer.Print(argument.Value)}), which this server does not enforce: only policy and apply: BEFORE_RESOLVER.");
            }
        }

        return permissions;
    }

    private static GraphQLError Problem(FieldDefinition field, string what) =>
        new($"Field \"{field}\" {what}", field.AstNode is { } node ? [node] : []);
}
