using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.Engine.Types;
using Ipp.Graph.Engine.Utilities;

namespace Ipp.Graph.Engine.Validation;

/// <summary>
/// The context of the rules that check an executable document against a schema: everything of
/// <see cref="AstValidationContext"/>, the schema elements at the traversal's position (through <see cref="TypeInfo"/>),
/// and where each operation and fragment uses variables.
/// </summary>
public sealed class ValidationContext : AstValidationContext
{
    private readonly Dictionary<ExecutableDefinitionNode, IReadOnlyList<VariableUsage>> _variableUsages = [];
    private readonly Dictionary<OperationDefinitionNode, IReadOnlyList<VariableUsage>> _recursiveVariableUsages = [];
    private readonly Dictionary<IReadOnlyList<FragmentDefinitionNode>, IReadOnlyList<VariableUsage>> _fragmentSetUsages =
        new(ReferenceEqualityComparer.Instance);

    internal ValidationContext(Schema schema, DocumentNode document, TypeInfo typeInfo, ValidationOptions options)
        : base(document, Math.Max(1, options.MaxErrors), options.HideSuggestions)
    {
        Schema = schema;
        TypeInfo = typeInfo;
    }

    /// <summary>The schema the document is validated against.</summary>
    public new Schema Schema { get; }

    /// <summary>The schema elements at the traversal's position.</summary>
    public TypeInfo TypeInfo { get; }

    /// <inheritdoc cref="TypeInfo.Type"/>
    public GraphQLType? Type => TypeInfo.Type;

    /// <inheritdoc cref="TypeInfo.ParentType"/>
    public NamedType? ParentType => TypeInfo.ParentType;

    /// <inheritdoc cref="TypeInfo.InputType"/>
    public GraphQLType? InputType => TypeInfo.InputType;

    /// <inheritdoc cref="TypeInfo.ParentInputType"/>
    public GraphQLType? ParentInputType => TypeInfo.ParentInputType;

    /// <inheritdoc cref="TypeInfo.FieldDefinition"/>
    public FieldDefinition? FieldDefinition => TypeInfo.FieldDefinition;

    /// <inheritdoc cref="TypeInfo.Directive"/>
    public DirectiveDefinition? Directive => TypeInfo.Directive;

    /// <inheritdoc cref="TypeInfo.Argument"/>
    public ArgumentDefinition? Argument => TypeInfo.Argument;

    /// <inheritdoc cref="TypeInfo.EnumValue"/>
    public EnumValueDefinition? EnumValue => TypeInfo.EnumValue;

    private protected override Schema? SchemaOrNull => Schema;

    /// <summary>
    /// The variables used in an operation or fragment (not in fragments it spreads), in document order, with the
    /// types their positions expect. Usages inside variable definitions (defaults, directives) are not counted.
    /// </summary>
    public IReadOnlyList<VariableUsage> GetVariableUsages(ExecutableDefinitionNode definition)
    {
        if (!_variableUsages.TryGetValue(definition, out var usages))
        {
            // Not traversed yet (a fragment defined after the operation asking): collect with a traversal of its own.
            new DocumentWalker(this, [], new TypeInfo(Schema), collectVariableUsages: true).Walk(definition);
            usages = _variableUsages[definition];
        }

        return usages;
    }

    /// <summary>The variables used by an operation and by every fragment it uses, directly or not.</summary>
    public IReadOnlyList<VariableUsage> GetRecursiveVariableUsages(OperationDefinitionNode operation)
    {
        if (_recursiveVariableUsages.TryGetValue(operation, out var cached))
        {
            return cached;
        }

        var fragments = GetRecursivelyReferencedFragments(operation);
        if (!_fragmentSetUsages.TryGetValue(fragments, out var fragmentUsages))
        {
            SpendFragmentWork(fragments.Count);
            var collected = new List<VariableUsage>();
            foreach (var fragment in fragments)
            {
                var local = GetVariableUsages(fragment);
                SpendFragmentWork(local.Count);
                collected.AddRange(local);
            }

            fragmentUsages = collected;
            _fragmentSetUsages[fragments] = fragmentUsages;
        }

        SpendFragmentWork(fragmentUsages.Count);
        var operationUsages = GetVariableUsages(operation);
        var all = new List<VariableUsage>(operationUsages.Count + fragmentUsages.Count);
        all.AddRange(operationUsages);
        all.AddRange(fragmentUsages);
        _recursiveVariableUsages[operation] = all;
        return all;
    }

    internal bool HasVariableUsages(ExecutableDefinitionNode definition) => _variableUsages.ContainsKey(definition);

    internal void SetVariableUsages(ExecutableDefinitionNode definition, IReadOnlyList<VariableUsage> usages) =>
        _variableUsages[definition] = usages;
}
