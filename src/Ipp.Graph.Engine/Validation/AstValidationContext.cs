using System.Runtime.CompilerServices;
using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.Engine.Types;

namespace Ipp.Graph.Engine.Validation;

/// <summary>
/// What every validation rule may ask during a run, for executable and type-system documents alike: the document,
/// its fragments, where the traversal is, and where to report errors (graphql-js's ASTValidationContext).
/// </summary>
public abstract class AstValidationContext
{
    /// <summary>graphql-js's budget for following fragment spreads; a document needing more is refused.</summary>
    private const int FragmentWorkBudget = 50_000;

    private readonly List<GraphQLError> _errors = [];
    private readonly int _maxErrors;
    private readonly Dictionary<SelectionSetNode, IReadOnlyList<FragmentSpreadNode>> _fragmentSpreads = [];
    private readonly Dictionary<OperationDefinitionNode, IReadOnlyList<FragmentDefinitionNode>> _referencedByOperation = [];
    private readonly Dictionary<string, IReadOnlyList<FragmentDefinitionNode>> _referencedByNameSet = new(StringComparer.Ordinal);
    private Dictionary<string, FragmentDefinitionNode>? _fragments;
    private DirectiveCatalog? _directives;
    private int _remainingFragmentWork = FragmentWorkBudget;

    private protected AstValidationContext(DocumentNode document, int maxErrors, bool hideSuggestions)
    {
        Document = document;
        _maxErrors = maxErrors;
        HideSuggestions = hideSuggestions;
    }

    public DocumentNode Document { get; }

    /// <summary>The schema the document is checked against; for type-system documents, the schema being extended, if any.</summary>
    public Schema? Schema => SchemaOrNull;

    /// <summary>True when error messages must not suggest names from the schema.</summary>
    public bool HideSuggestions { get; }

    /// <summary>The errors reported so far, in order.</summary>
    public IReadOnlyList<GraphQLError> Errors => _errors;

    /// <summary>How many more errors may be reported before validation stops.</summary>
    public int RemainingErrorCapacity => Math.Max(0, _maxErrors - _errors.Count);

    /// <summary>The node containing the node being visited (null at the root).</summary>
    public Node? Parent => Walker?.GetAncestor(0);

    /// <summary>The top-level definition the visited node belongs to (null for the document and the definitions themselves).</summary>
    public Node? Definition => Walker?.GetDefinition();

    private protected abstract Schema? SchemaOrNull { get; }

    /// <summary>The directives the document may use, shared by the rules about directives.</summary>
    internal DirectiveCatalog Directives => _directives ??= new DirectiveCatalog(this);

    /// <summary>The traversal this context is driven by; set by the validator.</summary>
    internal DocumentWalker? Walker { get; set; }

    /// <summary>The node <paramref name="level"/> levels above the visited one: 0 for its parent, 1 for the parent's parent...</summary>
    public Node? GetAncestor(int level) => Walker?.GetAncestor(level);

    /// <summary>Records a validation error; validation stops once the error limit is passed.</summary>
    public void ReportError(GraphQLError error)
    {
        if (_errors.Count >= _maxErrors)
        {
            throw new ValidationAbortedException(
                new GraphQLError("Too many validation errors, error limit reached. Validation aborted.", code: ErrorCodes.ValidationFailed));
        }

        _errors.Add(error);
    }

    /// <summary>Records an error about one node.</summary>
    public void ReportError(string message, Node node) => ReportError(new GraphQLError(message, [node], ErrorCodes.ValidationFailed));

    /// <summary>Records an error about two nodes, in that order.</summary>
    public void ReportError(string message, Node first, Node second) =>
        ReportError(new GraphQLError(message, [first, second], ErrorCodes.ValidationFailed));

    /// <summary>Records an error about several nodes, in that order.</summary>
    public void ReportError(string message, IEnumerable<Node> nodes) => ReportError(new GraphQLError(message, nodes, ErrorCodes.ValidationFailed));

    /// <summary>The fragment definition with that name (the last one, when several share it).</summary>
    public FragmentDefinitionNode? GetFragment(string name)
    {
        if (_fragments is null)
        {
            _fragments = new Dictionary<string, FragmentDefinitionNode>(StringComparer.Ordinal);
            foreach (var definition in Document.Definitions)
            {
                if (definition is FragmentDefinitionNode fragment)
                {
                    _fragments[fragment.Name.Value] = fragment;
                }
            }
        }

        return _fragments.GetValueOrDefault(name);
    }

    /// <summary>
    /// The fragment spreads in a selection set, inline fragments and sub-selections included, in graphql-js's order:
    /// those of a set first, then those of its nested sets, the last nested set first.
    /// </summary>
    public IReadOnlyList<FragmentSpreadNode> GetFragmentSpreads(SelectionSetNode selectionSet)
    {
        if (_fragmentSpreads.TryGetValue(selectionSet, out var cached))
        {
            return cached;
        }

        List<FragmentSpreadNode>? spreads = null;
        var setsToVisit = new Stack<SelectionSetNode>();
        setsToVisit.Push(selectionSet);
        while (setsToVisit.TryPop(out var set))
        {
            foreach (var selection in set.Selections)
            {
                switch (selection)
                {
                    case FragmentSpreadNode spread:
                        (spreads ??= []).Add(spread);
                        break;
                    case FieldNode { SelectionSet: { } subSelection }:
                        setsToVisit.Push(subSelection);
                        break;
                    case InlineFragmentNode inline:
                        setsToVisit.Push(inline.SelectionSet);
                        break;
                }
            }
        }

        IReadOnlyList<FragmentSpreadNode> result = spreads is null ? [] : spreads;
        _fragmentSpreads[selectionSet] = result;
        return result;
    }

    /// <summary>
    /// The fragments an operation uses, directly or through other fragments, each once, in the order they are
    /// discovered (those spread by the operation first). Spreads of unknown fragments are left out.
    /// </summary>
    public IReadOnlyList<FragmentDefinitionNode> GetRecursivelyReferencedFragments(OperationDefinitionNode operation)
    {
        if (!_referencedByOperation.TryGetValue(operation, out var fragments))
        {
            fragments = GetRecursivelyReferencedFragments([operation]);
            _referencedByOperation[operation] = fragments;
        }

        return fragments;
    }

    /// <summary>The fragments any of the operations uses, directly or through other fragments, each once.</summary>
    public IReadOnlyList<FragmentDefinitionNode> GetRecursivelyReferencedFragments(IReadOnlyList<OperationDefinitionNode> operations)
    {
        var names = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operation in operations)
        {
            foreach (var spread in GetFragmentSpreads(operation.SelectionSet))
            {
                if (seen.Add(spread.Name.Value))
                {
                    names.Add(spread.Name.Value);
                }
            }
        }

        // Operations spreading the same fragments share the result, as in graphql-js (and so does the work budget).
        var sortedNames = names.ToArray();
        Array.Sort(sortedNames, StringComparer.Ordinal);
        var key = string.Join(',', sortedNames);
        if (_referencedByNameSet.TryGetValue(key, out var cached))
        {
            return cached;
        }

        SpendFragmentWork(names.Count);
        var fragments = new List<FragmentDefinitionNode>();
        for (var i = 0; i < names.Count; i++)
        {
            if (GetFragment(names[i]) is not { } fragment)
            {
                continue;
            }

            fragments.Add(fragment);
            var spreads = GetFragmentSpreads(fragment.SelectionSet);
            SpendFragmentWork(spreads.Count);
            foreach (var spread in spreads)
            {
                if (seen.Add(spread.Name.Value))
                {
                    names.Add(spread.Name.Value);
                }
            }
        }

        _referencedByNameSet[key] = fragments;
        return fragments;
    }

    /// <summary>
    /// Charges work done following fragments against graphql-js's budget of 50,000 steps; past it, validation stops
    /// with "Validation aborted." (documents that fan out through fragments are refused rather than explored).
    /// </summary>
    public void SpendFragmentWork(int cost)
    {
        _remainingFragmentWork -= cost;
        if (_remainingFragmentWork < 0)
        {
            throw Aborted();
        }
    }

    /// <summary>
    /// Stops validation when the stack has too little room left for a deeper recursion (hostile nesting). Checked at
    /// every sixteenth level of <paramref name="depth"/> only, since the check itself is not free.
    /// </summary>
    public static void EnsureSufficientStack(int depth)
    {
        if ((depth & 15) == 0 && !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new ValidationAbortedException(
                new GraphQLError("Validation aborted: the document is nested too deeply.", code: ErrorCodes.ValidationFailed));
        }
    }

    /// <summary>The exception that stops validation with graphql-js's "Validation aborted." error.</summary>
    internal static Exception Aborted() =>
        new ValidationAbortedException(new GraphQLError("Validation aborted.", code: ErrorCodes.ValidationFailed));
}
