using System.Diagnostics.CodeAnalysis;
using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Execution.Planning;
using Ipp.Graph.Engine.Execution.Values;

namespace Ipp.Graph.Engine.Execution.Engine;

/// <summary>
/// Executing fields: arguments, resolvers, and what happens when they fail.
/// </summary>
/// <remarks>
/// Within one synchronous run, a failure in a non-null position travels up as a return value (the error to
/// propagate): each caller makes its own node null and fails its own slot in turn, as graphql-js's synchronous
/// throws do. A failure arriving later, from a pending resolver, propagates through <see cref="Propagate"/>.
/// </remarks>
internal sealed partial class ExecutionState
{
    /// <summary>
    /// Executes an object's fields in order. Returns the error that makes the object null (a non-null field
    /// failed); the caller makes it null. Fields after a failed one do not execute.
    /// </summary>
    private GraphQLError? ExecuteFields(ResultObject owner, object? parent)
    {
        var fields = owner.Plan.Fields;
        for (var i = 0; i < fields.Length; i++)
        {
            if (ExecuteField(owner, fields[i], parent) is { } error)
            {
                return FailObject(owner, error);
            }

            if (_aborted)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>
    /// A non-null field of an object failed while its fields executed. When fields executed before it are still
    /// pending, graphql-js waits for them (reporting their errors) before the object becomes null: the object is
    /// doomed and null propagates once its pending work is done. Otherwise the error propagates at once.
    /// </summary>
    private GraphQLError? FailObject(ResultObject owner, GraphQLError error)
    {
        if (owner.PendingCount > 0)
        {
            (_doomed ??= [])[owner] = error;
            return null;
        }

        return error;
    }

    /// <summary>
    /// True when <paramref name="node"/> is an object a non-null field failed in while work before it was pending
    /// (<see cref="FailObject"/>): as in graphql-js, it becomes null with that error only once that work is done (or
    /// fails in a non-null position).
    /// </summary>
    private bool IsDoomed(ResultNode node, [NotNullWhen(true)] out ResultObject? doomed)
    {
        doomed = node as ResultObject;
        return doomed is not null && _doomed is { } all && all.ContainsKey(doomed);
    }

    /// <summary>
    /// Makes a node null. Work still pending below it no longer counts: the request completes without waiting for
    /// it (as graphql-js's response does not wait for promises under a null), and its outcome is ignored.
    /// </summary>
    private void MarkNulled(ResultNode node)
    {
        if (node.IsNulled)
        {
            return;
        }

        node.IsNulled = true;
        var detached = node.PendingCount;
        if (detached == 0)
        {
            return;
        }

        _pending -= detached;
        for (var ancestor = node.Parent; ancestor is not null; ancestor = ancestor.Parent)
        {
            ancestor.PendingCount -= detached;
            if (ancestor.PendingCount == 0 && IsDoomed(ancestor, out var doomed))
            {
                Ripen(doomed);
            }
        }
    }

    /// <summary>Executes one field into its slot; returns the error to propagate when the slot is non-null and failed.</summary>
    private GraphQLError? ExecuteField(ResultObject owner, FieldPlan field, object? parent)
    {
        if (field.Kind == FieldKind.TypeName)
        {
            owner.Set(field.Index, field.ParentType.Name);
            return null;
        }

        if (++_fieldsSinceDeadlineCheck >= FieldsBetweenDeadlineChecks)
        {
            CheckDeadline();
        }

        var arguments = field.StaticArguments;
        if (arguments is null && !TryCoerceArguments(field, out arguments, out var argumentError))
        {
            return FailSlot(owner, field.Index, Locate(argumentError, owner, field.Index, field));
        }

        if (field.PropertyGetter is not { } getter)
        {
            return ExecuteResolver(owner, field, parent, arguments);
        }

        // What the property's resolver would return (or throw), read without its resolve context and value task.
        var value = getter(parent);
        return TryStoreOwnValue(owner, field.Index, field.Completion, value)
            ? null
            : CompleteValue(owner, field.Index, field.Completion, value, new ResolveContext(parent, field, owner, arguments, this));
    }

    /// <summary>Executes a field through its resolver.</summary>
    private GraphQLError? ExecuteResolver(ResultObject owner, FieldPlan field, object? parent, IReadOnlyDictionary<string, object?> arguments)
    {
        var context = new ResolveContext(parent, field, owner, arguments, this);
        ValueTask<object?> result;
        try
        {
            result = field.Kind == FieldKind.SubscriptionEvent && _isEvent ? new ValueTask<object?>(parent) : field.Resolver(context);
        }
        catch (Exception exception)
        {
            return FailSlot(owner, field.Index, Locate(exception, owner, field.Index, field));
        }

        if (result.IsCompletedSuccessfully)
        {
            return CompleteValue(owner, field.Index, field.Completion, result.Result, in context);
        }

        if (result.IsCompleted)
        {
            return CompleteFinishedTask(result, in context);
        }

        Register(result, in context);
        return null;
    }

    /// <summary>
    /// The arguments of a field whose plan holds none: coerced with this request's variables (once per request), or
    /// false with the error coercing them raised (then, or when the plan was built, for literals).
    /// </summary>
    private bool TryCoerceArguments(
        FieldPlan field,
        [NotNullWhen(true)] out IReadOnlyDictionary<string, object?>? arguments,
        [NotNullWhen(false)] out GraphQLError? error)
    {
        var coerced = field.DynamicArgumentSlot >= 0 ? CoerceDynamicArguments(field) : field.StaticArgumentError!;
        if (coerced is GraphQLError failure)
        {
            arguments = null;
            error = failure;
            return false;
        }

        arguments = (IReadOnlyDictionary<string, object?>)coerced;
        error = null;
        return true;
    }

    /// <summary>Arguments with variables: coerced on first use in this request, then reused (as is an error).</summary>
    private object CoerceDynamicArguments(FieldPlan field)
    {
        var slot = field.DynamicArgumentSlot;
        if (slot >= _dynamicArguments.Length)
        {
            Array.Resize(ref _dynamicArguments, Math.Max(slot + 1, _plan.Builder.DynamicArgumentSlots));
        }

        if (_dynamicArguments[slot] is { } cached)
        {
            return cached;
        }

        object coerced;
        try
        {
            coerced = ArgumentValues.Coerce(field.Definition.Arguments, field.Nodes[0].Arguments, field.Nodes[0], Variables);
        }
        catch (GraphQLError error)
        {
            coerced = error;
        }

        _dynamicArguments[slot] = coerced;
        return coerced;
    }

    /// <summary>A value task that finished, but not successfully (or through a source that must be read once).</summary>
    private GraphQLError? CompleteFinishedTask(ValueTask<object?> task, in ResolveContext context)
    {
        var owner = context.Owner;
        var field = context.Plan;
        object? value;
        try
        {
            value = task.GetAwaiter().GetResult();
        }
        catch (Exception exception)
        {
            return FailSlot(owner, field.Index, Locate(exception, owner, field.Index, field));
        }

        return CompleteValue(owner, field.Index, field.Completion, value, in context);
    }

    /// <summary>
    /// A failure at a slot: a nullable slot becomes null and the error is recorded; for a non-null slot the error
    /// is returned, and the caller makes the slot's node null.
    /// </summary>
    private GraphQLError? FailSlot(ResultNode node, int index, GraphQLError error)
    {
        if (node.IsNonNullSlot(index))
        {
            return error;
        }

        node.Set(index, null);
        AddError(error);
        return null;
    }

    /// <summary>
    /// Makes a node null because of an error that arrived asynchronously, and its parent too while the node sits in
    /// a non-null position, up to the nearest nullable position, where the error is recorded. Nothing happens under
    /// a position that is already null: graphql-js drops those errors too. A doomed object on the way absorbs the
    /// error: it becomes null with its own error once the current wave of completions is done (<see cref="Ripen"/>),
    /// as graphql-js's waiting object rejects only after the promises settled in the same tick were handled.
    /// </summary>
    private void Propagate(ResultNode node, GraphQLError error)
    {
        if (node.IsAbandoned())
        {
            return;
        }

        while (true)
        {
            if (IsDoomed(node, out var doomed))
            {
                Ripen(doomed);
                return;
            }

            MarkNulled(node);
            var parent = node.Parent;
            if (parent is null)
            {
                AddError(error);
                return;
            }

            if (!parent.IsNonNullSlot(node.IndexInParent))
            {
                parent.Set(node.IndexInParent, null);
                AddError(error);
                return;
            }

            node = parent;
        }
    }

    /// <summary>A doomed object whose wait is over: it becomes null when the loop runs out of completions to handle.</summary>
    private void Ripen(ResultObject doomed) => (_ripeDoomed ??= []).Add(doomed);

    /// <summary>Makes the ripe doomed objects null, each with the error of the field that doomed it.</summary>
    private bool FinishRipeDoomed()
    {
        if (_ripeDoomed is not { Count: > 0 } ripe)
        {
            return false;
        }

        _ripeDoomed = null;
        foreach (var doomed in ripe)
        {
            if (_doomed!.Remove(doomed, out var doom))
            {
                Propagate(doomed, doom);
            }
        }

        return true;
    }

    /// <summary>
    /// A field error at a position (graphql-js's locatedError): a <see cref="GraphQLError"/> keeps its message,
    /// locations and extensions and gains the path; any other exception becomes an error with its message,
    /// kept as the inner exception for the host to log or mask.
    /// </summary>
    private static GraphQLError Locate(Exception exception, ResultNode node, int index, FieldPlan field)
    {
        if (exception is GraphQLError error)
        {
            return error.Path is not null ? error : error.WithPath(node.PathOf(index), field.Locations);
        }

        return new GraphQLError(exception.Message, field.Locations, node.PathOf(index), ErrorCodes.InternalServerError, null, exception);
    }

    /// <summary>An error the engine raises while completing a value (the resolver returned something the type rejects).</summary>
    private static GraphQLError CompletionError(string message, ResultNode node, int index, FieldPlan field) =>
        new(message, field.Locations, node.PathOf(index), ErrorCodes.InternalServerError);
}
