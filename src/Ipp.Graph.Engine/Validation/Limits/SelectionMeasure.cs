using System.Runtime.CompilerServices;
using Ipp.Graph.Engine.Language.Ast;

namespace Ipp.Graph.Engine.Validation.Limits;

/// <summary>
/// Measures selection sets with fragments expanded: nesting depth, field selections, aliased field selections.
/// Each fragment is measured once; counts saturate instead of overflowing.
/// </summary>
internal sealed class SelectionMeasure
{
    private readonly Dictionary<string, FragmentDefinitionNode> _fragments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Size> _fragmentSizes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _inProgress = new(StringComparer.Ordinal);
    private int _nesting;

    public SelectionMeasure(DocumentNode document)
    {
        foreach (var definition in document.Definitions)
        {
            if (definition is FragmentDefinitionNode fragment)
            {
                _fragments.TryAdd(fragment.Name.Value, fragment);
            }
        }
    }

    /// <summary>What <see cref="FindBeyond"/> counts.</summary>
    public enum Count
    {
        Depth,
        Fields,
        Aliases,
    }

    /// <summary>The size of a selection set, fragments expanded (a spread of a fragment being measured counts nothing).</summary>
    public Size Of(SelectionSetNode selectionSet)
    {
        EnsureStack(++_nesting);
        var size = default(Size);
        foreach (var selection in selectionSet.Selections)
        {
            size = size.Beside(Of(selection));
        }

        _nesting--;
        return size;
    }

    /// <summary>
    /// The field that takes the count past <paramref name="limit"/>, in the order the operation would be executed
    /// (fragments expanded where spread): the first field nested deeper than the limit, or the field or alias whose
    /// number is one more than it.
    /// </summary>
    public FieldNode? FindBeyond(SelectionSetNode selectionSet, long limit, Count count)
    {
        var seen = 0L;
        return FindBeyond(selectionSet, limit, count, 0, ref seen, new HashSet<string>(StringComparer.Ordinal));
    }

    private Size Of(SelectionNode selection)
    {
        switch (selection)
        {
            case FieldNode field:
                var own = new Size(1, 1, field.Alias is null ? 0 : 1);
                return field.SelectionSet is { } subSelection ? own.Beside(Of(subSelection).Below()) : own;
            case InlineFragmentNode inline:
                return Of(inline.SelectionSet);
            case FragmentSpreadNode spread:
                return OfFragment(spread.Name.Value);
            default:
                return default;
        }
    }

    private Size OfFragment(string name)
    {
        if (_fragmentSizes.TryGetValue(name, out var size))
        {
            return size;
        }

        if (!_fragments.TryGetValue(name, out var fragment) || !_inProgress.Add(name))
        {
            return default;
        }

        size = Of(fragment.SelectionSet);
        _inProgress.Remove(name);
        _fragmentSizes[name] = size;
        return size;
    }

    private FieldNode? FindBeyond(SelectionSetNode selectionSet, long limit, Count count, int depth, ref long seen, HashSet<string> path)
    {
        EnsureStack(++_nesting);
        try
        {
            return FindBeyondIn(selectionSet, limit, count, depth, ref seen, path);
        }
        finally
        {
            _nesting--;
        }
    }

    private FieldNode? FindBeyondIn(SelectionSetNode selectionSet, long limit, Count count, int depth, ref long seen, HashSet<string> path)
    {
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case FieldNode field:
                    if (count == Count.Depth ? depth + 1 > limit : (count == Count.Fields || field.Alias is not null) && ++seen > limit)
                    {
                        return field;
                    }

                    if (field.SelectionSet is { } subSelection
                        && Exceeds(Of(subSelection), limit, count, depth + 1, ref seen)
                        && FindBeyond(subSelection, limit, count, depth + 1, ref seen, path) is { } deeper)
                    {
                        return deeper;
                    }

                    break;
                case InlineFragmentNode inline:
                    if (Exceeds(Of(inline.SelectionSet), limit, count, depth, ref seen)
                        && FindBeyond(inline.SelectionSet, limit, count, depth, ref seen, path) is { } inInline)
                    {
                        return inInline;
                    }

                    break;
                case FragmentSpreadNode spread:
                    var name = spread.Name.Value;
                    if (_fragments.TryGetValue(name, out var fragment) && path.Add(name))
                    {
                        if (Exceeds(OfFragment(name), limit, count, depth, ref seen)
                            && FindBeyond(fragment.SelectionSet, limit, count, depth, ref seen, path) is { } inFragment)
                        {
                            return inFragment;
                        }

                        path.Remove(name);
                    }

                    break;
            }
        }

        return null;
    }

    /// <summary>True when the part measured goes past the limit; otherwise its count is added to <paramref name="seen"/>.</summary>
    private static bool Exceeds(Size size, long limit, Count count, int depth, ref long seen)
    {
        if (count == Count.Depth)
        {
            return depth + size.Depth > limit;
        }

        var added = count == Count.Fields ? size.Fields : size.Aliases;
        if (Size.Add(seen, added) > limit)
        {
            return true;
        }

        seen += added;
        return false;
    }

    // Checked every sixteenth level: the check itself is not free.
    private static void EnsureStack(int nesting)
    {
        if ((nesting & 15) == 0 && !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new InsufficientExecutionStackException();
        }
    }

    /// <summary>Depth of nesting, number of fields and of aliases, the counts saturating at <see cref="long.MaxValue"/>.</summary>
    public readonly record struct Size(int Depth, long Fields, long Aliases)
    {
        /// <summary>This and another selection side by side: the deeper depth, the counts added.</summary>
        public Size Beside(Size other) => new(Math.Max(Depth, other.Depth), Add(Fields, other.Fields), Add(Aliases, other.Aliases));

        /// <summary>This selection one level down, under a field.</summary>
        public Size Below() => this with { Depth = Depth + 1 };

        public static long Add(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;
    }
}
