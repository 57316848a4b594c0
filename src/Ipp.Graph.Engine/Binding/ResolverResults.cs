namespace Ipp.Graph.Engine.Binding;

/// <summary>Turns what a bound .NET member returns into a resolver's <c>ValueTask&lt;object?&gt;</c>, synchronously when it can.</summary>
internal static class ResolverResults
{
    public static ValueTask<object?> FromTask<T>(Task<T> task) =>
        task.IsCompletedSuccessfully ? new ValueTask<object?>(task.Result) : Await(task);

    public static ValueTask<object?> FromValueTask<T>(ValueTask<T> task) =>
        task.IsCompletedSuccessfully ? new ValueTask<object?>(task.Result) : Await(task.AsTask());

    public static ValueTask<object?> FromTask(Task task) =>
        task.IsCompletedSuccessfully ? default : AwaitVoid(task);

    public static ValueTask<object?> FromValueTask(ValueTask task) =>
        task.IsCompletedSuccessfully ? default : AwaitVoid(task.AsTask());

    private static async ValueTask<object?> Await<T>(Task<T> task) => await task.ConfigureAwait(false);

    private static async ValueTask<object?> AwaitVoid(Task task)
    {
        await task.ConfigureAwait(false);
        return null;
    }
}
