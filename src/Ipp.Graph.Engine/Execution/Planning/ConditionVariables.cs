using Ipp.Graph.Engine.Language.Ast;

namespace Ipp.Graph.Engine.Execution.Planning;

/// <summary>Finds the variables an operation's @skip and @include directives depend on.</summary>
internal static class ConditionVariables
{
    /// <summary>
    /// The distinct names of variables given to <c>if</c> of @skip/@include in the operation and in every fragment
    /// of the document (a fragment the operation does not use only costs an unused bit of the plan key).
    /// </summary>
    public static string[] Find(OperationDefinitionNode operation, IReadOnlyDictionary<string, FragmentDefinitionNode> fragments)
    {
        List<string>? names = null;
        var pending = new Stack<SelectionSetNode>();
        pending.Push(operation.SelectionSet);
        foreach (var fragment in fragments.Values)
        {
            pending.Push(fragment.SelectionSet);
        }

        while (pending.Count > 0)
        {
            foreach (var selection in pending.Pop().Selections)
            {
                AddConditions(selection.Directives, ref names);
                switch (selection)
                {
                    case FieldNode { SelectionSet: { } set }:
                        pending.Push(set);
                        break;
                    case InlineFragmentNode inline:
                        pending.Push(inline.SelectionSet);
                        break;
                }
            }
        }

        return names?.ToArray() ?? [];
    }

    private static void AddConditions(IReadOnlyList<DirectiveNode> directives, ref List<string>? names)
    {
        foreach (var directive in directives)
        {
            if (directive.Name.Value is not ("skip" or "include"))
            {
                continue;
            }

            foreach (var argument in directive.Arguments)
            {
                if (argument.Value is VariableNode variable)
                {
                    names ??= [];
                    if (!names.Contains(variable.Name.Value))
                    {
                        names.Add(variable.Name.Value);
                    }
                }
            }
        }
    }
}
