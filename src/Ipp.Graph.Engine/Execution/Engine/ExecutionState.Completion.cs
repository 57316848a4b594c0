using System.Collections;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Execution.Planning;
using Ipp.Graph.Engine.JavaScript;
using Ipp.Graph.Engine.Types;

namespace Ipp.Graph.Engine.Execution.Engine;

/// <summary>Completing values (graphql-js's completeValue): non-null checks, lists, leaves, objects, abstract types.</summary>
internal sealed partial class ExecutionState
{
    /// <summary>
    /// Completes a resolved value into a slot. Returns the error to propagate when the slot is non-null and could
    /// not be completed (the caller makes <paramref name="node"/> null).
    /// </summary>
    private GraphQLError? CompleteValue(ResultNode node, int index, CompletionPlan plan, object? value, in ResolveContext context)
    {
        if (value is null)
        {
            if (plan.IsNonNull)
            {
                var field = context.Plan;
                return FailSlot(
                    node,
                    index,
                    CompletionError($"Cannot return null for non-nullable field {field.ParentType.Name}.{field.Definition.Name}.", node, index, field));
            }

            node.Set(index, null);
            return null;
        }

        if (TryStoreOwnValue(node, index, plan, value))
        {
            return null;
        }

        if (value is Exception exception)
        {
            return FailSlot(node, index, Locate(exception, node, index, context.Plan));
        }

        switch (plan.Kind)
        {
            case CompletionKind.DateTime when value is DateTimeOffset instant:
                node.Set(index, new UtcInstant(instant.UtcDateTime));
                return null;
            case CompletionKind.DateTime when value is DateTime dateTime:
                node.Set(index, new UtcInstant(ScalarText.ToUtc(dateTime)));
                return null;
            case CompletionKind.Enum:
                return CompleteEnum(node, index, (EnumType)plan.Type, value, context.Plan);
            case CompletionKind.List:
                return CompleteList(node, index, plan, value, in context);
            case CompletionKind.Object:
                return CompleteObject(node, index, (ObjectType)plan.Type, value, in context);
            case CompletionKind.Abstract:
                return CompleteAbstract(node, index, plan, value, in context);
            default:
                return CompleteScalar(node, index, (ScalarType)plan.Type, value, context.Plan);
        }
    }

    /// <summary>
    /// Stores the value as it is when it is a built-in scalar's own internal value, which is its output (no
    /// exception, nothing to convert); false for any other value.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryStoreOwnValue(ResultNode node, int index, CompletionPlan plan, object? value)
    {
        switch (plan.Kind)
        {
            case CompletionKind.StringOrId when value is string:
            case CompletionKind.Int when value is int:
            case CompletionKind.Boolean when value is bool:
                node.Set(index, value);
                return true;
            default:
                return false;
        }
    }

    private GraphQLError? CompleteEnum(ResultNode node, int index, EnumType enumType, object value, FieldPlan field)
    {
        // The common case costs a lookup; the enum's Serialize knows the other accepted forms and the message.
        if (enumType.GetValueByInternal(value) is { } enumValue)
        {
            node.Set(index, enumValue.Name);
            return null;
        }

        try
        {
            node.Set(index, enumType.Serialize(value));
            return null;
        }
        catch (GraphQLError error)
        {
            return FailSlot(node, index, CompletionError(error.Message, node, index, field));
        }
    }

    private GraphQLError? CompleteScalar(ResultNode node, int index, ScalarType scalar, object value, FieldPlan field)
    {
        object? serialized;
        try
        {
            serialized = scalar.Serialize(value);
        }
        catch (GraphQLError error)
        {
            return FailSlot(node, index, new GraphQLError(
                error.Message,
                error.Locations ?? field.Locations,
                node.PathOf(index),
                error.Code ?? ErrorCodes.InternalServerError,
                error.Extensions,
                error.InnerException));
        }
        catch (Exception exception)
        {
            return FailSlot(node, index, Locate(exception, node, index, field));
        }

        if (serialized is null)
        {
            return FailSlot(
                node,
                index,
                CompletionError(
                    $"Expected `{scalar.Name}.serialize({Inspect.Format(value)})` to return non-nullable value, returned: null",
                    node,
                    index,
                    field));
        }

        node.Set(index, serialized);
        return null;
    }

    private GraphQLError? CompleteList(ResultNode node, int index, CompletionPlan plan, object value, in ResolveContext context)
    {
        var field = context.Plan;
        object?[] store;
        int offset;
        int count;
        try
        {
            switch (value)
            {
                // Strings, and the JSON object shapes, enumerate but are not lists (graphql-js: not iterable objects).
                case string or IReadOnlyDictionary<string, object?> or IDictionary<string, object?> or JsonElement { ValueKind: not JsonValueKind.Array }:
                case not (IEnumerable or JsonElement):
                    return FailSlot(
                        node,
                        index,
                        CompletionError(
                            $"Expected Iterable, but did not find one for field \"{field.ParentType.Name}.{field.Definition.Name}\".", node, index, field));
                case JsonElement array:
                    store = TakeItems(array, out offset, out count);
                    break;
                default:
                    store = TakeItems((IEnumerable)value, out offset, out count);
                    break;
            }
        }
        catch (Exception exception)
        {
            return FailSlot(node, index, Locate(exception, node, index, field));
        }

        if (node.Depth >= ResultNode.MaxDepth)
        {
            return FailSlot(node, index, TooDeep(node, index, field));
        }

        var itemPlan = plan.Item!;
        var list = new ResultList(store, offset, count, itemPlan.IsNonNull, node, index);
        node.Set(index, list);
        for (var i = 0; i < count && !_aborted; i++)
        {
            // The raw item sits in its slot until completion replaces it.
            if (CompleteValue(list, i, itemPlan, store[offset + i], in context) is { } error)
            {
                MarkNulled(list);
                return FailSlot(node, index, error);
            }
        }

        return null;
    }

    /// <summary>A JSON array's items (JSON nulls as null) in slots of the execution's slab.</summary>
    private object?[] TakeItems(JsonElement array, out int offset, out int count)
    {
        count = array.GetArrayLength();
        var store = _slots.Take(count, out offset);
        var i = offset;
        foreach (var item in array.EnumerateArray())
        {
            store[i++] = item.ValueKind == JsonValueKind.Null ? null : item;
        }

        return store;
    }

    /// <summary>A list's items in slots of the execution's slab.</summary>
    private object?[] TakeItems(IEnumerable enumerable, out int offset, out int count)
    {
        object?[] store;
        switch (enumerable)
        {
            // Arrays of any reference type (string[] is an object[] too) are copied at once.
            case object?[] array:
                count = array.Length;
                store = _slots.Take(count, out offset);
                Array.Copy(array, 0, store, offset, count);
                return store;
            case IList list:
                count = list.Count;
                store = _slots.Take(count, out offset);
                for (var i = 0; i < count; i++)
                {
                    store[offset + i] = list[i];
                }

                return store;
            default:
                // Enumerated first: how many items there are is known only at the end.
                var items = EnumerateItems(enumerable);
                count = items.Length;
                store = _slots.Take(count, out offset);
                Array.Copy(items, 0, store, offset, count);
                return store;
        }
    }

    private static object?[] EnumerateItems(IEnumerable enumerable)
    {
        if (enumerable is ICollection collection)
        {
            var items = new object?[collection.Count];
            var i = 0;
            foreach (var item in enumerable)
            {
                if (i == items.Length)
                {
                    Array.Resize(ref items, i * 2 + 1);
                }

                items[i++] = item;
            }

            return i == items.Length ? items : items[..i];
        }

        var list = new List<object?>();
        foreach (var item in enumerable)
        {
            list.Add(item);
        }

        return list.ToArray();
    }

    private GraphQLError? CompleteObject(ResultNode node, int index, ObjectType type, object value, in ResolveContext context)
    {
        var field = context.Plan;
        var plan = field.GetChildPlan(type);
        if (plan.Error is { } collectError)
        {
            return FailSlot(node, index, Locate(collectError, node, index, field));
        }

        if (type.IsTypeOf is { } isTypeOf)
        {
            bool matches;
            try
            {
                matches = isTypeOf(value);
            }
            catch (Exception exception)
            {
                return FailSlot(node, index, Locate(exception, node, index, field));
            }

            if (!matches)
            {
                return FailSlot(
                    node, index, CompletionError($"Expected value of type \"{type.Name}\" but got: {Inspect.Format(value)}.", node, index, field));
            }
        }

        if (node.Depth >= ResultNode.MaxDepth)
        {
            return FailSlot(node, index, TooDeep(node, index, field));
        }

        var child = new ResultObject(plan, ref _slots, node, index);
        node.Set(index, child);
        // Very deep results continue from the loop, on a fresh stack. The stack is looked at every eighth level only:
        // the look costs more than a field, and eight levels take a few KiB of the ample margin it keeps.
        if ((child.Depth & 7) == 0 && !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            Defer(child, value);
            return null;
        }

        if (ExecuteFields(child, value) is { } error)
        {
            MarkNulled(child);
            return FailSlot(node, index, error);
        }

        return null;
    }

    private GraphQLError? CompleteAbstract(ResultNode node, int index, CompletionPlan plan, object value, in ResolveContext context)
    {
        var field = context.Plan;
        var abstractType = (IAbstractType)plan.Type;
        string? typeName;
        try
        {
            typeName = abstractType.ResolveType is { } resolveType ? resolveType(value, context) : DefaultTypeName(abstractType, value);
        }
        catch (Exception exception)
        {
            return FailSlot(node, index, Locate(exception, node, index, field));
        }

        if (plan.RuntimeTypeNamed(typeName) is not { } runtimeType)
        {
            if (RuntimeTypeProblem(abstractType, typeName, field, out runtimeType) is { } problem)
            {
                return FailSlot(node, index, CompletionError(problem, node, index, field));
            }

            plan.RememberRuntimeType(typeName!, runtimeType!);
        }

        return CompleteObject(node, index, runtimeType!, value, in context);
    }

    /// <summary>
    /// What is wrong with the name a type resolver gave (graphql-js's ensureValidRuntimeType), or null with the object
    /// type it names, a possible type of <paramref name="abstractType"/>.
    /// </summary>
    private string? RuntimeTypeProblem(IAbstractType abstractType, string? typeName, FieldPlan field, out ObjectType? runtimeType)
    {
        runtimeType = null;
        var name = abstractType.Name;
        if (typeName is null)
        {
            return $"Abstract type \"{name}\" must resolve to an Object type at runtime for field \"{field.ParentType.Name}.{field.Definition.Name}\". Either the \"{name}\" type should provide a \"resolveType\" function or each possible type should provide an \"isTypeOf\" function.";
        }

        switch (Schema.GetType(typeName))
        {
            case null:
                return $"Abstract type \"{name}\" was resolved to a type \"{typeName}\" that does not exist inside the schema.";
            case ObjectType objectType when Schema.IsSubType(abstractType, objectType):
                runtimeType = objectType;
                return null;
            case ObjectType objectType:
                return $"Runtime Object type \"{objectType.Name}\" is not a possible type for \"{name}\".";
            default:
                return $"Abstract type \"{name}\" was resolved to a non-object type \"{typeName}\".";
        }
    }

    private static GraphQLError TooDeep(ResultNode node, int index, FieldPlan field) =>
        new($"The result nests more than {ResultNode.MaxDepth} levels deep.", field.Locations, node.PathOf(index), ErrorCodes.MaxDepthExceeded);

    /// <summary>graphql-js's defaultTypeResolver: a string <c>__typename</c> entry, else the first possible type whose IsTypeOf accepts the value.</summary>
    private string? DefaultTypeName(IAbstractType abstractType, object value)
    {
        switch (value)
        {
            case IReadOnlyDictionary<string, object?> map when map.TryGetValue("__typename", out var name) && name is string typeName:
                return typeName;
            case IDictionary<string, object?> map when map.TryGetValue("__typename", out var name) && name is string typeName:
                return typeName;
            case JsonElement { ValueKind: JsonValueKind.Object } element
                when element.TryGetProperty("__typename", out var name) && name.ValueKind == JsonValueKind.String:
                return JsonStrings.GetString(name);
        }

        foreach (var type in Schema.GetPossibleTypes(abstractType))
        {
            if (type.IsTypeOf is { } isTypeOf && isTypeOf(value))
            {
                return type.Name;
            }
        }

        return null;
    }
}
