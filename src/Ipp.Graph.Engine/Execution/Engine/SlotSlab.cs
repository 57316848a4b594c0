namespace Ipp.Graph.Engine.Execution.Engine;

/// <summary>
/// The slots of one execution's result objects, handed out from shared arrays: an object costs no array of its own
/// (an allocation with its header for every object of a response), only its run of a larger array. The first array
/// holds as many slots as the last response of the same plan took (a few when none did yet), the next ones grow to
/// <see cref="LargestArray"/> as the response does, so small responses stay small.
/// </summary>
/// <remarks>A field of the execution's state, used through references to it; only the execution's loop takes slots, so no locking.</remarks>
internal struct SlotSlab
{
    /// <summary>The most slots of an array shared by several objects (8 KiB: far below the large object heap).</summary>
    private const int LargestArray = 1024;

    private readonly int _expected;
    private object?[]? _array;
    private int _used;

    /// <param name="expected">How many slots the response is expected to take; 0 when unknown.</param>
    public SlotSlab(int expected) => _expected = expected;

    /// <summary>How many slots were taken.</summary>
    public int Taken { get; private set; }

    /// <summary>A run of <paramref name="count"/> slots: the array holding them and where they start.</summary>
    public object?[] Take(int count, out int offset)
    {
        var array = _array;
        if (array is null || array.Length - _used < count)
        {
            // The rest of the current array is left unused: at most one object's worth.
            var length = array is null && _expected > 0 ? _expected : Math.Max((array?.Length ?? 0) * 2, 8);
            array = _array = new object?[Math.Max(count, Math.Min(length, LargestArray))];
            _used = 0;
        }

        offset = _used;
        _used += count;
        Taken += count;
        return array;
    }
}
