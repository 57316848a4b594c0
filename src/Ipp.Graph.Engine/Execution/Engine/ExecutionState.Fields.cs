using Ipp.Graph.Engine.Error;

namespace Ipp.Graph.Engine.Execution;

/// <summary>Executing fields: arguments, resolvers, and what happens when they fail.</summary>
internal sealed partial class ExecutionState
{
    /// <summary>Executes an object's fields in order, stopping when the object becomes null.</summary>
    private void ExecuteFields(ResultObject owner, object? parent)
    {
        var fields = owner.Plan.Fields;
        for (var i = 0; i < fields.Length; i++)
        {
            ExecuteField(owner, fields[i], parent);
            if (owner.IsNulled || _aborted)
            {
                return;
            }
        }
    }

    private void ExecuteField(ResultObject owner, FieldPlan field, object? parent)
    {
        if (field.IsTypeName)
        {
            owner.Slots[field.Index] = field.ParentType.Name;
            return;
        }

        if (++_fieldsSinceDeadlineCheck >= FieldsBetweenDeadlineChecks)
        {
            CheckDeadline();
        }

        var arguments = field.StaticArguments;
        if (arguments is null)
        {
            var coerced = field.DynamicArgumentSlot >= 0 ? CoerceDynamicArguments(field) : field.StaticArgumentError;
            arguments = coerced as IReadOnlyDictionary<string, object?>;
            if (arguments is null)
            {
                FailSlot(owner, field.Index, Locate((GraphQLError)coerced!, owner, field.Index, field));
                return;
            }
        }

        var context = new ResolveContext(parent, field, owner, arguments, this);
        ValueTask<object?> result;
        try
        {
            result = field.Resolver(context);
        }
        catch (Exception exception)
        {
            FailSlot(owner, field.Index, Locate(exception, owner, field.Index, field));
            return;
        }

        if (result.IsCompletedSuccessfully)
        {
            CompleteValue(owner, field.Index, field.Type, result.Result, in context);
        }
        else if (result.IsCompleted)
        {
            CompleteFinishedTask(result, in context);
        }
        else
        {
            Register(result, in context);
        }
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
    private void CompleteFinishedTask(ValueTask<object?> task, in ResolveContext context)
    {
        object? value;
        try
        {
            value = task.GetAwaiter().GetResult();
        }
        catch (Exception exception)
        {
            FailSlot(context.Owner, context.Plan.Index, Locate(exception, context.Owner, context.Plan.Index, context.Plan));
            return;
        }

        CompleteValue(context.Owner, context.Plan.Index, context.Plan.Type, value, in context);
    }

    /// <summary>
    /// Records a failure at a slot. A nullable slot becomes null; a non-null slot makes its node null, and so on
    /// upwards to the nearest nullable position. Returns false when <paramref name="node"/> became null.
    /// </summary>
    private bool FailSlot(ResultNode node, int index, GraphQLError error)
    {
        AddError(error);
        if (node.IsNonNullSlot(index))
        {
            NullOut(node);
            return false;
        }

        node.Slots[index] = null;
        return true;
    }

    /// <summary>Makes a node null, and its parent too while the node sits in a non-null position.</summary>
    private static void NullOut(ResultNode node)
    {
        while (true)
        {
            node.IsNulled = true;
            var parent = node.Parent;
            if (parent is null)
            {
                return;
            }

            if (!parent.IsNonNullSlot(node.IndexInParent))
            {
                parent.Slots[node.IndexInParent] = null;
                return;
            }

            node = parent;
        }
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
