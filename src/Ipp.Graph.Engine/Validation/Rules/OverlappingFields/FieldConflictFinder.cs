using System.Text;
using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.Engine.Types;

namespace Ipp.Graph.Engine.Validation.Rules.OverlappingFields;

/// <summary>
/// Finds the fields that cannot be merged, with graphql-js's algorithm, memos and results (what is compared, in
/// which order, and what each conflict says), plus shortcuts that never change the result:
/// <list type="bullet">
/// <item>fields of a selection set are collected once per parent type;</item>
/// <item>a pair of fields with sub-selections found compatible is not compared again;</item>
/// <item>fields of the same class (<see cref="FieldEntry.ClassId"/>) are compared once per pair of classes, so
/// <c>{ a a a ... }</c> costs one comparison, not one per pair of fields;</item>
/// <item>fragments without spreads whose fields all have a class are compared once per pair of signatures, so many
/// fragments spread side by side do not cost one comparison per pair;</item>
/// <item>the search stops once it has found every conflict that can still be reported: within the error limit at
/// the top, and below a field the 20 that the message and locations of its conflict can hold. (In a document with
/// more than 20 conflicts below one field, later comparisons may then differ from graphql-js's, which went on
/// filling its memos.)</item>
/// </list>
/// Comparisons with sub-selections that spread fragments depend on what was compared before (graphql-js's memos),
/// so those are made one by one, in graphql-js's order. All work is charged against graphql-js's budget of 500,000
/// steps; past it, validation stops with "Validation aborted.".
/// </summary>
internal sealed class FieldConflictFinder
{
    private const int MaxConflictDetailLength = 1000;
    private const int MaxConflictNodes = 20;
    private const int ComplexityBudget = 500_000;

    /// <summary>Lists of fields with the same response name at most this long are compared pair by pair.</summary>
    private const int SmallGroup = 4;

    /// <summary>Collections with this many response names or more remember which names they share with another.</summary>
    private const int CachedOverlapThreshold = 16;

    /// <summary>At most this many pairs of fields found compatible are remembered (the memo must not grow without bound).</summary>
    private const int MaxRememberedPairs = 200_000;

    private readonly ValidationContext _context;
    private readonly bool _useClasses;
    private readonly Dictionary<(NamedType?, SelectionSetNode), CollectedFields> _collected = [];
    private readonly FragmentPairSet _comparedFragmentPairs = new();
    private readonly HashSet<(FieldNode, FieldNode, bool)> _compatiblePairs = [];
    private readonly StructureKeys _keys = new();
    private readonly Dictionary<(NamedType?, string, string, GraphQLType?, int), int> _classIds = [];
    private readonly List<FieldEntry> _classRepresentatives = [];
    private readonly Dictionary<(int, int, bool), bool> _classConflicts = [];
    private readonly Dictionary<string, CollectedFields?> _fragmentFields = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _signatures = new(StringComparer.Ordinal);
    private readonly List<CollectedFields> _signatureRepresentatives = [];
    private readonly Dictionary<(int, int, bool), bool> _signatureConflicts = [];
    private int _remainingBudget = ComplexityBudget;
    private int _nesting;

    /// <param name="context">The validation run.</param>
    /// <param name="useClasses">Compare fields by class; off only to check, in tests, that it changes nothing.</param>
    public FieldConflictFinder(ValidationContext context, bool useClasses = true)
    {
        _context = context;
        _useClasses = useClasses;
    }

    /// <summary>How many pairs of fields have been compared (for tests that prove the cost stays low).</summary>
    public long FieldComparisons { get; private set; }

    /// <summary>The conflicts among the fields of a selection set (and the fragments it spreads), at most <paramref name="limit"/>.</summary>
    public List<FieldConflict> FindConflictsWithinSelectionSet(NamedType? parentType, SelectionSetNode selectionSet, int limit)
    {
        var conflicts = new ConflictList(limit);
        var fields = CollectFields(parentType, selectionSet);
        CollectConflictsWithin(conflicts, fields);

        // Fragments are compared with the fields, and with each other.
        var fragmentNames = fields.FragmentNames;
        if (fragmentNames.Count != 0 && (fields.Groups.Count != 0 || fragmentNames.Count > 1))
        {
            for (var i = 0; i < fragmentNames.Count && !conflicts.IsFull; i++)
            {
                CollectConflictsBetweenFieldsAndFragment(conflicts, false, fields, fragmentNames[i]);
                for (var j = i + 1; j < fragmentNames.Count && !conflicts.IsFull; j++)
                {
                    CollectConflictsBetweenFragments(conflicts, false, fragmentNames[i], fragmentNames[j]);
                }
            }
        }

        return conflicts.Items;
    }

    /// <summary>Shortens a name or reason for a message, as graphql-js does past 1000 characters.</summary>
    public static string Abbreviate(string text) =>
        text.Length > MaxConflictDetailLength ? text[..MaxConflictDetailLength] + "..." : text;

    private void Spend(int cost)
    {
        _remainingBudget -= cost;
        if (_remainingBudget < 0)
        {
            throw AstValidationContext.Aborted();
        }
    }

    /// <summary>The fields against a fragment, then against the fragments it spreads, depth first, each fragment once per collection.</summary>
    private void CollectConflictsBetweenFieldsAndFragment(ConflictList conflicts, bool mutuallyExclusive, CollectedFields fields, string fragmentName)
    {
        Stack<string>? pending = null;
        var name = fragmentName;
        while (true)
        {
            Spend(1);
            if (fields.Groups.Count == 0)
            {
                return;
            }

            var compared = fields.ComparedFragments ??= new Dictionary<string, bool>(StringComparer.Ordinal);
            if (!compared.TryGetValue(name, out var wasExclusive) || (wasExclusive && !mutuallyExclusive))
            {
                compared[name] = mutuallyExclusive;
                if (FragmentFields(name) is { } fragmentFields && !ReferenceEquals(fields, fragmentFields))
                {
                    CollectConflictsBetween(conflicts, mutuallyExclusive, fields, fragmentFields);
                    if (conflicts.IsFull)
                    {
                        return;
                    }

                    if (fragmentFields.FragmentNames.Count > 0)
                    {
                        pending ??= new Stack<string>();
                        PushReversed(pending, fragmentFields.FragmentNames);
                    }
                }
            }

            if (pending is null || !pending.TryPop(out name!))
            {
                return;
            }
        }
    }

    /// <summary>Two fragments, then each against the fragments the other spreads, depth first, each pair once.</summary>
    private void CollectConflictsBetweenFragments(ConflictList conflicts, bool mutuallyExclusive, string fragmentName1, string fragmentName2)
    {
        Stack<(string, string)>? pending = null;
        var (name1, name2) = (fragmentName1, fragmentName2);
        while (true)
        {
            if (name1 != name2 && !PureFragmentsMayConflict(name1, name2, mutuallyExclusive))
            {
                // Nothing to find, and nothing to remember: comparing them again finds nothing again.
            }
            else
            {
                Spend(2);
                if (name1 != name2 && !_comparedFragmentPairs.Has(name1, name2, mutuallyExclusive))
                {
                    _comparedFragmentPairs.Add(name1, name2, mutuallyExclusive);
                    if (FragmentFields(name1) is { } fields1 && FragmentFields(name2) is { } fields2)
                    {
                        CollectConflictsBetween(conflicts, mutuallyExclusive, fields1, fields2);
                        if (conflicts.IsFull)
                        {
                            return;
                        }

                        // graphql-js recurses into (name1, each spread of 2), then (each spread of 1, name2).
                        if (fields1.FragmentNames.Count + fields2.FragmentNames.Count > 0)
                        {
                            pending ??= new Stack<(string, string)>();
                            for (var i = fields1.FragmentNames.Count - 1; i >= 0; i--)
                            {
                                pending.Push((fields1.FragmentNames[i], name2));
                            }

                            for (var i = fields2.FragmentNames.Count - 1; i >= 0; i--)
                            {
                                pending.Push((name1, fields2.FragmentNames[i]));
                            }
                        }
                    }
                }
            }

            if (pending is null || !pending.TryPop(out var next))
            {
                return;
            }

            (name1, name2) = next;
        }
    }

    /// <summary>
    /// False when both fragments are pure (no spreads, every field of a class) and fragments of their signatures were
    /// found compatible: then the comparison can find nothing, whatever was compared before.
    /// </summary>
    private bool PureFragmentsMayConflict(string name1, string name2, bool mutuallyExclusive)
    {
        if (!_useClasses || FragmentFields(name1) is not { } fields1 || FragmentFields(name2) is not { } fields2)
        {
            return true;
        }

        var signature1 = SignatureOf(fields1);
        var signature2 = SignatureOf(fields2);
        if (signature1 < 0 || signature2 < 0)
        {
            return true;
        }

        if (!_signatureConflicts.TryGetValue((signature1, signature2, mutuallyExclusive), out var mayConflict))
        {
            var probe = new ConflictList(1);
            CollectConflictsBetween(probe, mutuallyExclusive, _signatureRepresentatives[signature1], _signatureRepresentatives[signature2]);
            mayConflict = probe.IsFull;
            _signatureConflicts[(signature1, signature2, mutuallyExclusive)] = mayConflict;
        }

        return mayConflict;
    }

    /// <summary>The signature of a fragment's fields: their response names and classes, in order; -1 when not pure.</summary>
    private int SignatureOf(CollectedFields fields)
    {
        if (fields.Signature is { } known)
        {
            return known;
        }

        var signature = -1;
        if (fields.FragmentNames.Count == 0)
        {
            var text = new StringBuilder();
            foreach (var (responseName, group) in fields.Groups)
            {
                text.Append(responseName.Length).Append(':').Append(responseName);
                foreach (var entry in group)
                {
                    var classId = ClassOf(entry);
                    if (classId == FieldEntry.NoClass)
                    {
                        fields.Signature = -1;
                        return -1;
                    }

                    text.Append(',').Append(classId);
                }

                text.Append(';');
            }

            var key = text.ToString();
            if (!_signatures.TryGetValue(key, out signature))
            {
                signature = _signatureRepresentatives.Count;
                _signatures[key] = signature;
                _signatureRepresentatives.Add(fields);
            }
        }

        fields.Signature = signature;
        return signature;
    }

    private List<FieldConflict> FindConflictsBetweenSubSelectionSets(
        bool mutuallyExclusive,
        NamedType? parentType1,
        SelectionSetNode selectionSet1,
        NamedType? parentType2,
        SelectionSetNode selectionSet2)
    {
        var conflicts = new ConflictList(MaxConflictNodes);
        var fields1 = CollectFields(parentType1, selectionSet1);
        var fields2 = CollectFields(parentType2, selectionSet2);
        CollectConflictsBetween(conflicts, mutuallyExclusive, fields1, fields2);
        foreach (var fragmentName in fields2.FragmentNames)
        {
            if (conflicts.IsFull)
            {
                return conflicts.Items;
            }

            CollectConflictsBetweenFieldsAndFragment(conflicts, mutuallyExclusive, fields1, fragmentName);
        }

        foreach (var fragmentName in fields1.FragmentNames)
        {
            if (conflicts.IsFull)
            {
                return conflicts.Items;
            }

            CollectConflictsBetweenFieldsAndFragment(conflicts, mutuallyExclusive, fields2, fragmentName);
        }

        foreach (var fragmentName1 in fields1.FragmentNames)
        {
            foreach (var fragmentName2 in fields2.FragmentNames)
            {
                if (conflicts.IsFull)
                {
                    return conflicts.Items;
                }

                CollectConflictsBetweenFragments(conflicts, mutuallyExclusive, fragmentName1, fragmentName2);
            }
        }

        return conflicts.Items;
    }

    /// <summary>Every pair of fields sharing a response name within one collection.</summary>
    private void CollectConflictsWithin(ConflictList conflicts, CollectedFields fields)
    {
        foreach (var (responseName, group) in fields.Groups)
        {
            if (group.Count < 2)
            {
                continue;
            }

            if (_useClasses && group.Count > SmallGroup)
            {
                CollectConflictsWithinByClass(conflicts, responseName, group);
            }
            else
            {
                for (var i = 0; i < group.Count; i++)
                {
                    for (var j = i + 1; j < group.Count; j++)
                    {
                        if (FindConflict(false, responseName, group[i], group[j]) is { } conflict)
                        {
                            conflicts.Add(conflict);
                            if (conflicts.IsFull)
                            {
                                return;
                            }
                        }
                    }
                }
            }

            if (conflicts.IsFull)
            {
                return;
            }
        }
    }

    /// <summary>
    /// The pairs of <see cref="CollectConflictsWithin"/>, in the same order, skipping the rows of fields whose class
    /// conflicts with no class found later in the list, and the pairs of classes known to be compatible.
    /// </summary>
    private void CollectConflictsWithinByClass(ConflictList conflicts, string responseName, List<FieldEntry> group)
    {
        var count = group.Count;
        var classes = new int[count];
        var lastIndexByClass = new Dictionary<int, int>();
        var lastUnclassed = -1;
        for (var i = 0; i < count; i++)
        {
            var classId = ClassOf(group[i]);
            classes[i] = classId;
            if (classId == FieldEntry.NoClass)
            {
                lastUnclassed = i;
            }
            else
            {
                lastIndexByClass[classId] = i;
            }
        }

        // For a class: the last index of a field of a class it conflicts with (-1 when none).
        var reachByClass = new Dictionary<int, int>();
        for (var i = 0; i < count - 1; i++)
        {
            var class1 = classes[i];
            if (class1 != FieldEntry.NoClass)
            {
                if (!reachByClass.TryGetValue(class1, out var reach))
                {
                    reach = -1;
                    foreach (var (class2, last) in lastIndexByClass)
                    {
                        if (last > reach && ClassesConflict(class1, class2, false))
                        {
                            reach = last;
                        }
                    }

                    reachByClass[class1] = reach;
                }

                if (reach <= i && lastUnclassed <= i)
                {
                    continue;
                }
            }

            for (var j = i + 1; j < count; j++)
            {
                var class2 = classes[j];
                if (class1 != FieldEntry.NoClass && class2 != FieldEntry.NoClass && !ClassesConflict(class1, class2, false))
                {
                    continue;
                }

                if (FindConflict(false, responseName, group[i], group[j]) is { } conflict)
                {
                    conflicts.Add(conflict);
                    if (conflicts.IsFull)
                    {
                        return;
                    }
                }
            }
        }
    }

    /// <summary>Every pair of fields sharing a response name, one from each collection.</summary>
    private void CollectConflictsBetween(ConflictList conflicts, bool mutuallyExclusive, CollectedFields fields1, CollectedFields fields2)
    {
        if (fields1.Groups.Count == 0 || fields2.Groups.Count == 0)
        {
            return;
        }

        // Small collections are matched on the fly; larger ones once per pair, as graphql-js does (and charges).
        if (fields1.Groups.Count < CachedOverlapThreshold)
        {
            foreach (var (responseName, group1) in fields1.Groups)
            {
                if (fields2.Get(responseName) is { } group2)
                {
                    CollectConflictsBetweenGroups(conflicts, mutuallyExclusive, responseName, group1, group2);
                    if (conflicts.IsFull)
                    {
                        return;
                    }
                }
            }

            return;
        }

        foreach (var (responseName, group1, group2) in GetOverlappingFields(fields1, fields2))
        {
            CollectConflictsBetweenGroups(conflicts, mutuallyExclusive, responseName, group1, group2);
            if (conflicts.IsFull)
            {
                return;
            }
        }
    }

    private void CollectConflictsBetweenGroups(
        ConflictList conflicts,
        bool mutuallyExclusive,
        string responseName,
        List<FieldEntry> group1,
        List<FieldEntry> group2)
    {
        if (_useClasses && group1.Count * group2.Count > SmallGroup)
        {
            CollectConflictsBetweenByClass(conflicts, mutuallyExclusive, responseName, group1, group2);
            return;
        }

        foreach (var field1 in group1)
        {
            foreach (var field2 in group2)
            {
                if (FindConflict(mutuallyExclusive, responseName, field1, field2) is { } conflict)
                {
                    conflicts.Add(conflict);
                    if (conflicts.IsFull)
                    {
                        return;
                    }
                }
            }
        }
    }

    /// <summary>The pairs of <see cref="CollectConflictsBetween"/> for one response name, in order, skipping pairs of compatible classes.</summary>
    private void CollectConflictsBetweenByClass(
        ConflictList conflicts,
        bool mutuallyExclusive,
        string responseName,
        List<FieldEntry> group1,
        List<FieldEntry> group2)
    {
        var classes2 = new int[group2.Count];
        var distinctClasses2 = new HashSet<int>();
        var anyUnclassed2 = false;
        for (var j = 0; j < group2.Count; j++)
        {
            classes2[j] = ClassOf(group2[j]);
            if (classes2[j] == FieldEntry.NoClass)
            {
                anyUnclassed2 = true;
            }
            else
            {
                distinctClasses2.Add(classes2[j]);
            }
        }

        var conflictsByClass = new Dictionary<int, bool>();
        foreach (var field1 in group1)
        {
            var class1 = ClassOf(field1);
            if (class1 != FieldEntry.NoClass && !anyUnclassed2)
            {
                if (!conflictsByClass.TryGetValue(class1, out var conflictsWithAny))
                {
                    conflictsWithAny = false;
                    foreach (var class2 in distinctClasses2)
                    {
                        if (ClassesConflict(class1, class2, mutuallyExclusive))
                        {
                            conflictsWithAny = true;
                            break;
                        }
                    }

                    conflictsByClass[class1] = conflictsWithAny;
                }

                if (!conflictsWithAny)
                {
                    continue;
                }
            }

            for (var j = 0; j < group2.Count; j++)
            {
                var class2 = classes2[j];
                if (class1 != FieldEntry.NoClass && class2 != FieldEntry.NoClass && !ClassesConflict(class1, class2, mutuallyExclusive))
                {
                    continue;
                }

                if (FindConflict(mutuallyExclusive, responseName, field1, group2[j]) is { } conflict)
                {
                    conflicts.Add(conflict);
                    if (conflicts.IsFull)
                    {
                        return;
                    }
                }
            }
        }
    }

    private List<(string ResponseName, List<FieldEntry> Fields1, List<FieldEntry> Fields2)> GetOverlappingFields(
        CollectedFields fields1,
        CollectedFields fields2)
    {
        var cache = fields1.Overlaps ??= [];
        if (cache.TryGetValue(fields2, out var cached))
        {
            return cached;
        }

        var overlapping = new List<(string, List<FieldEntry>, List<FieldEntry>)>();
        foreach (var (responseName, group1) in fields1.Groups)
        {
            Spend(1);
            if (fields2.Get(responseName) is { } group2)
            {
                overlapping.Add((responseName, group1, group2));
            }
        }

        cache[fields2] = overlapping;
        return overlapping;
    }

    /// <summary>Whether the fields of two classes conflict, from one comparison of their first fields.</summary>
    private bool ClassesConflict(int class1, int class2, bool mutuallyExclusive)
    {
        if (!_classConflicts.TryGetValue((class1, class2, mutuallyExclusive), out var conflict))
        {
            conflict = FindConflict(mutuallyExclusive, "", _classRepresentatives[class1], _classRepresentatives[class2]) is not null;
            _classConflicts[(class1, class2, mutuallyExclusive)] = conflict;
        }

        return conflict;
    }

    /// <summary>
    /// The class of a field: equal for fields with the same parent type, name, arguments (as written) and definition,
    /// and either no sub-selection or sub-selections of the same structure without fragment spreads. Comparing such
    /// fields depends on nothing else, so fields of a class conflict with a field exactly when the class's first does.
    /// </summary>
    private int ClassOf(FieldEntry entry)
    {
        if (entry.ClassId != FieldEntry.UnknownClass)
        {
            return entry.ClassId;
        }

        var structure = entry.Node.SelectionSet is { } selectionSet ? _keys.SelectionSetKey(selectionSet) : -2;
        if (structure == StructureKeys.WithFragments)
        {
            entry.ClassId = FieldEntry.NoClass;
            return FieldEntry.NoClass;
        }

        var key = (entry.ParentType, entry.Node.Name.Value, _keys.ArgumentsKey(entry.Node), entry.Definition?.Type, structure);
        if (!_classIds.TryGetValue(key, out var classId))
        {
            classId = _classRepresentatives.Count;
            _classIds[key] = classId;
            _classRepresentatives.Add(entry);
        }

        entry.ClassId = classId;
        return classId;
    }

    /// <summary>Why two fields with the same response name cannot be merged; null when they can.</summary>
    private FieldConflict? FindConflict(bool parentFieldsAreMutuallyExclusive, string responseName, FieldEntry field1, FieldEntry field2)
    {
        var node1 = field1.Node;
        var node2 = field2.Node;

        // Fields of different object types can never apply to the same value: only their shapes must agree.
        var mutuallyExclusive = parentFieldsAreMutuallyExclusive
            || (!ReferenceEquals(field1.ParentType, field2.ParentType) && field1.ParentType is ObjectType && field2.ParentType is ObjectType);
        var remember = node1.SelectionSet is not null && node2.SelectionSet is not null
            && (field1.ClassId < 0 || field2.ClassId < 0);
        if (remember && _compatiblePairs.Contains((node1, node2, mutuallyExclusive)))
        {
            return null;
        }

        FieldComparisons++;
        Spend(2);
        if (field1.IsSimpleLeaf && field2.IsSimpleLeaf && ReferenceEquals(field1.Definition?.Type, field2.Definition?.Type)
            && node1.Name.Value == node2.Name.Value)
        {
            return null;
        }

        if (!mutuallyExclusive && NameOrArgumentsConflict(field1, field2) is { } reason)
        {
            return new FieldConflict(responseName, reason, [node1], [node2]);
        }

        var type1 = field1.Definition?.Type;
        var type2 = field2.Definition?.Type;
        if (type1 is not null && type2 is not null && DoTypesConflict(type1, type2))
        {
            var typeString1 = field1.TypeString ??= type1.ToString();
            var typeString2 = field2.TypeString ??= type2.ToString();
            return new FieldConflict(responseName, $"they return conflicting types \"{typeString1}\" and \"{typeString2}\"", [node1], [node2]);
        }

        if (node1.SelectionSet is { } selectionSet1 && node2.SelectionSet is { } selectionSet2)
        {
            AstValidationContext.EnsureSufficientStack(++_nesting);
            var subConflicts = FindConflictsBetweenSubSelectionSets(mutuallyExclusive, type1?.Named, selectionSet1, type2?.Named, selectionSet2);
            _nesting--;
            if (subConflicts.Count == 0)
            {
                if (remember && _compatiblePairs.Count < MaxRememberedPairs)
                {
                    _compatiblePairs.Add((node1, node2, mutuallyExclusive));
                }

                return null;
            }

            return SubfieldConflicts(subConflicts, responseName, node1, node2);
        }

        return null;
    }

    private string? NameOrArgumentsConflict(FieldEntry field1, FieldEntry field2)
    {
        var name1 = field1.Node.Name.Value;
        var name2 = field2.Node.Name.Value;
        if (name1 != name2)
        {
            return $"\"{Abbreviate(name1)}\" and \"{Abbreviate(name2)}\" are different fields";
        }

        if (field1.Node.Arguments.Count == 0 && field2.Node.Arguments.Count == 0)
        {
            return null;
        }

        // Comparing arguments is charged to the budget, so its result is remembered as in graphql-js.
        var comparisons = field1.Comparisons ??= [];
        if (comparisons.TryGetValue(field2, out var reason))
        {
            return reason;
        }

        reason = SameArguments(field1, field2) ? null : "they have differing arguments";
        comparisons[field2] = reason;
        return reason;
    }

    /// <summary>The same number of arguments, and each of the first given to the second with an equal value (graphql-js's sameArguments).</summary>
    private bool SameArguments(FieldEntry field1, FieldEntry field2)
    {
        var arguments1 = field1.Node.Arguments;
        var arguments2 = field2.Node.Arguments;
        if (arguments1.Count == 0)
        {
            return arguments2.Count == 0;
        }

        if (arguments1.Count != arguments2.Count)
        {
            return false;
        }

        var values2 = ArgumentValues(field2);
        foreach (var argument in arguments1)
        {
            Spend(1);
            if (!values2.TryGetValue(argument.Name.Value, out var value2) || _keys.ValueKey(argument.Value) != _keys.ValueKey(value2))
            {
                return false;
            }
        }

        return true;
    }

    private static Dictionary<string, ValueNode> ArgumentValues(FieldEntry field)
    {
        if (field.ArgumentValues is null)
        {
            var values = new Dictionary<string, ValueNode>(StringComparer.Ordinal);
            foreach (var argument in field.Node.Arguments)
            {
                values[argument.Name.Value] = argument.Value;
            }

            field.ArgumentValues = values;
        }

        return field.ArgumentValues;
    }

    /// <summary>Two types conflict when no value could have both: different list or non-null shapes, or different leaf types.</summary>
    private bool DoTypesConflict(GraphQLType type1, GraphQLType type2)
    {
        while (true)
        {
            if (ReferenceEquals(type1, type2))
            {
                return false;
            }

            Spend(1);
            switch (type1, type2)
            {
                case (ListType list1, ListType list2):
                    type1 = list1.OfType;
                    type2 = list2.OfType;
                    continue;
                case (ListType, _) or (_, ListType):
                    return true;
                case (NonNullType nonNull1, NonNullType nonNull2):
                    type1 = nonNull1.OfType;
                    type2 = nonNull2.OfType;
                    continue;
                case (NonNullType, _) or (_, NonNullType):
                    return true;
                case (ScalarType or EnumType, _) or (_, ScalarType or EnumType):
                    return true;
                default:
                    return false;
            }
        }
    }

    /// <summary>A conflict of two fields explained by the conflicts of their sub-fields, its message and locations bounded.</summary>
    private static FieldConflict SubfieldConflicts(List<FieldConflict> conflicts, string responseName, FieldNode node1, FieldNode node2)
    {
        var message = new StringBuilder();
        foreach (var conflict in conflicts)
        {
            message.Append(message.Length == 0 ? "" : " and ")
                .Append("subfields \"").Append(Abbreviate(conflict.ResponseName)).Append("\" conflict because ").Append(conflict.Reason);
            if (message.Length > MaxConflictDetailLength)
            {
                break;
            }
        }

        return new FieldConflict(
            responseName,
            Abbreviate(message.ToString()),
            CollectConflictNodes(node1, conflicts, first: true),
            CollectConflictNodes(node2, conflicts, first: false));
    }

    /// <summary>The field, then the fields of its sub-conflicts (the deepest kept when there are too many), at most 20.</summary>
    private static List<FieldNode> CollectConflictNodes(FieldNode node, List<FieldConflict> conflicts, bool first)
    {
        var nodes = new List<FieldNode> { node };
        foreach (var conflict in conflicts)
        {
            var side = first ? conflict.Fields1 : conflict.Fields2;
            var remaining = MaxConflictNodes - nodes.Count;
            var start = Math.Max(0, side.Count - remaining);
            for (var i = start; i < side.Count; i++)
            {
                nodes.Add(side[i]);
            }

            if (nodes.Count == MaxConflictNodes)
            {
                break;
            }
        }

        return nodes;
    }

    /// <summary>The fields of the fragment of that name, collected for its type condition; null for an unknown fragment.</summary>
    private CollectedFields? FragmentFields(string name)
    {
        if (!_fragmentFields.TryGetValue(name, out var fields))
        {
            fields = _context.GetFragment(name) is { } fragment
                ? CollectFields(_context.Schema.GetType(fragment.TypeCondition.Name.Value), fragment.SelectionSet)
                : null;
            _fragmentFields[name] = fields;
        }

        return fields;
    }

    private CollectedFields CollectFields(NamedType? parentType, SelectionSetNode selectionSet)
    {
        if (!_collected.TryGetValue((parentType, selectionSet), out var fields))
        {
            fields = new CollectedFields();
            CollectFieldsInto(fields, parentType, selectionSet, new HashSet<string>(StringComparer.Ordinal), 0);
            _collected[(parentType, selectionSet)] = fields;
        }

        return fields;
    }

    private void CollectFieldsInto(CollectedFields fields, NamedType? parentType, SelectionSetNode selectionSet, HashSet<string> fragmentNames, int depth)
    {
        AstValidationContext.EnsureSufficientStack(depth);
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case FieldNode field:
                    var definition = parentType is ComplexType complex ? complex.GetField(field.Name.Value) : null;
                    fields.Add(field.ResponseName, new FieldEntry(parentType, field, definition));
                    break;
                case FragmentSpreadNode spread:
                    if (fragmentNames.Add(spread.Name.Value))
                    {
                        fields.FragmentNames.Add(spread.Name.Value);
                    }

                    break;
                case InlineFragmentNode inline:
                    var inlineType = inline.TypeCondition is { } condition ? _context.Schema.GetType(condition.Name.Value) : parentType;
                    CollectFieldsInto(fields, inlineType, inline.SelectionSet, fragmentNames, depth + 1);
                    break;
            }
        }
    }

    private static void PushReversed(Stack<string> stack, List<string> items)
    {
        for (var i = items.Count - 1; i >= 0; i--)
        {
            stack.Push(items[i]);
        }
    }
}
