using Ipp.Graph.Engine.Execution.Planning;

namespace Ipp.Graph.Engine.Execution.Engine;

/// <summary>
/// A node of the compact result tree: an object (slots aligned to its plan's fields) or a list (one slot per
/// item). Each node knows the slot of its parent it fills, so that a null can propagate upwards when a
/// non-null position fails, and so that response paths are only computed when an error or a resolver asks.
/// </summary>
internal abstract class ResultNode
{
    /// <summary>
    /// How deep results may nest (objects and lists each count). Far beyond any document the limits let through,
    /// it bounds the recursion of completing and writing results whose depth a document builds with chains of fragments.
    /// </summary>
    public const int MaxDepth = 500;

    protected ResultNode(object?[] store, int offset, ResultNode? parent, int indexInParent)
    {
        Store = store;
        Offset = offset;
        Parent = parent;
        IndexInParent = indexInParent;
        Depth = parent is null ? (short)0 : (short)(parent.Depth + 1);
    }

    /// <summary>
    /// The array holding the node's slots from <see cref="Offset"/> on: completed values (null, serialised leaves,
    /// <see cref="ResultObject"/> and <see cref="ResultList"/>). An object's slots share an array with those of other
    /// objects and lists of the request (see <see cref="SlotSlab"/>).
    /// </summary>
    public readonly object?[] Store;

    /// <summary>Where the node's slots start in <see cref="Store"/>.</summary>
    public readonly int Offset;

    public readonly ResultNode? Parent;

    public readonly int IndexInParent;

    /// <summary>0 for the root, 1 for its children, and so on (at most <see cref="MaxDepth"/>; short, to keep nodes small).</summary>
    public readonly short Depth;

    /// <summary>Set when a non-null violation below made this node null; work still pending under it is abandoned.</summary>
    public bool IsNulled;

    /// <summary>How many resolvers (or deferred sub-trees) below this node are still pending.</summary>
    public int PendingCount;

    /// <summary>
    /// Stores a slot's value. Slots are always exactly <c>object?[]</c>, so the store goes through a span: no
    /// covariance check per store, as an array element assignment would make.
    /// </summary>
    public void Set(int index, object? value) => Store.AsSpan()[Offset + index] = value;

    /// <summary>The node's slots.</summary>
    public abstract ReadOnlySpan<object?> Slots { get; }

    /// <summary>True when the slot may not hold null (its field or item type is non-null).</summary>
    public abstract bool IsNonNullSlot(int index);

    /// <summary>The response path element of a slot: a response name or a list index.</summary>
    public abstract object PathKey(int index);

    /// <summary>True when this node or one above it was nulled.</summary>
    public bool IsAbandoned()
    {
        for (var node = this; node is not null; node = node.Parent)
        {
            if (node.IsNulled)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The response path of a slot: keys (strings) and indices (ints) from the root.</summary>
    public IReadOnlyList<object> PathOf(int index)
    {
        var length = 1;
        for (var node = this; node.Parent is not null; node = node.Parent)
        {
            length++;
        }

        var path = new object[length];
        path[--length] = PathKey(index);
        for (var node = this; node.Parent is not null; node = node.Parent)
        {
            path[--length] = node.Parent.PathKey(node.IndexInParent);
        }

        return path;
    }
}

/// <summary>An object of the response: one slot per field of its selection-set plan, in response order.</summary>
internal sealed class ResultObject : ResultNode
{
    /// <param name="plan">The object's fields.</param>
    /// <param name="slab">Where the object's slots are taken from.</param>
    /// <param name="parent">The node whose slot the object fills; null for the root.</param>
    /// <param name="indexInParent">That slot.</param>
    public ResultObject(SelectionSetPlan plan, ref SlotSlab slab, ResultNode? parent, int indexInParent)
        : this(plan, slab.Take(plan.Fields.Length, out var offset), offset, parent, indexInParent)
    {
    }

    private ResultObject(SelectionSetPlan plan, object?[] store, int offset, ResultNode? parent, int indexInParent)
        : base(store, offset, parent, indexInParent)
    {
        Plan = plan;
    }

    public readonly SelectionSetPlan Plan;

    public override ReadOnlySpan<object?> Slots => new(Store, Offset, Plan.Fields.Length);

    public override bool IsNonNullSlot(int index) => Plan.Fields[index].IsNonNull;

    public override object PathKey(int index) => Plan.Fields[index].ResponseName;
}

/// <summary>A list of the response: one slot per item.</summary>
internal sealed class ResultList : ResultNode
{
    private static readonly object[] BoxedIndices = CreateBoxedIndices(256);

    private readonly int _count;
    private readonly bool _itemsNonNull;

    /// <param name="store">The array holding the items (see <see cref="ResultNode.Store"/>), raw until completed.</param>
    /// <param name="offset">Where they start in it.</param>
    /// <param name="count">How many there are.</param>
    /// <param name="itemsNonNull">True when no item may be null.</param>
    /// <param name="parent">The node whose slot the list fills.</param>
    /// <param name="indexInParent">That slot.</param>
    public ResultList(object?[] store, int offset, int count, bool itemsNonNull, ResultNode parent, int indexInParent)
        : base(store, offset, parent, indexInParent)
    {
        _count = count;
        _itemsNonNull = itemsNonNull;
    }

    public override ReadOnlySpan<object?> Slots => new(Store, Offset, _count);

    public override bool IsNonNullSlot(int index) => _itemsNonNull;

    public override object PathKey(int index) => index < BoxedIndices.Length ? BoxedIndices[index] : index;

    private static object[] CreateBoxedIndices(int count)
    {
        var boxes = new object[count];
        for (var i = 0; i < count; i++)
        {
            boxes[i] = i;
        }

        return boxes;
    }
}
