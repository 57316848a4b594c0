namespace Ipp.Graph.Engine.JavaScript;

/// <summary>
/// Sorts as JavaScript's Array.prototype.sort does in V8 (TimSort), so that a comparison that is not a consistent
/// order, such as graphql-js's ordering of suggested types, still gives graphql-js's result. Lists shorter than 64
/// are one run, sorted by binary insertion after the leading run is found (and reversed when descending), exactly as
/// V8 does; longer lists are sorted stably, which agrees with V8 whenever the comparison is consistent.
/// </summary>
internal static class JsArraySort
{
    private const int MinMergeLength = 64;

    public static void Sort<T>(List<T> items, Comparison<T> compare)
    {
        var count = items.Count;
        if (count < 2)
        {
            return;
        }

        if (count >= MinMergeLength)
        {
            var sorted = items.Select((item, index) => (item, index)).ToList();
            sorted.Sort((a, b) => compare(a.item, b.item) is var order and not 0 ? order : a.index - b.index);
            for (var i = 0; i < count; i++)
            {
                items[i] = sorted[i].item;
            }

            return;
        }

        var runLength = CountAndMakeRun(items, compare);
        BinaryInsertionSort(items, compare, runLength);
    }

    /// <summary>The length of the run at the start: ascending, or strictly descending (then reversed).</summary>
    private static int CountAndMakeRun<T>(List<T> items, Comparison<T> compare)
    {
        var runLength = 2;
        var descending = compare(items[1], items[0]) < 0;
        var previous = items[1];
        for (var i = 2; i < items.Count; i++)
        {
            var order = compare(items[i], previous);
            if (descending ? order >= 0 : order < 0)
            {
                break;
            }

            previous = items[i];
            runLength++;
        }

        if (descending)
        {
            items.Reverse(0, runLength);
        }

        return runLength;
    }

    /// <summary>Inserts each element after the sorted prefix where a binary search places it (after equal ones).</summary>
    private static void BinaryInsertionSort<T>(List<T> items, Comparison<T> compare, int sortedLength)
    {
        for (var start = sortedLength; start < items.Count; start++)
        {
            var pivot = items[start];
            var left = 0;
            var right = start;
            while (left < right)
            {
                var middle = left + ((right - left) >> 1);
                if (compare(pivot, items[middle]) < 0)
                {
                    right = middle;
                }
                else
                {
                    left = middle + 1;
                }
            }

            items.RemoveAt(start);
            items.Insert(left, pivot);
        }
    }
}
