using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.Engine.Types;

namespace Ipp.Graph.Engine.Execution.Planning;

/// <summary>
/// The fields of a selection set as they execute for one runtime object type: fragments expanded, fields
/// merged by response name, @skip/@include applied, unknown fields dropped.
/// </summary>
internal sealed class SelectionSetPlan
{
    public SelectionSetPlan(ObjectType type, FieldPlan[] fields, GraphQLError? error, FieldNode[]? firstCollected = null)
    {
        Type = type;
        Fields = fields;
        Error = error;
        FirstCollected = firstCollected;
    }

    public readonly ObjectType Type;

    public readonly FieldPlan[] Fields;

    /// <summary>Set when collecting failed (an @skip/@include with an invalid argument): completing the object fails.</summary>
    public readonly GraphQLError? Error;

    /// <summary>
    /// For a subscription's root: the nodes of the first response name collected, even when they select no field of
    /// the type (a subscription executes its first field only, and reports that field when it does not exist).
    /// </summary>
    public readonly FieldNode[]? FirstCollected;

    /// <summary>
    /// For a root plan: how long the data of its last response was in JSON, the buffer the next one starts with
    /// (<see cref="Output.DirectDataWriter"/>). Requests race on it harmlessly: any value is a fine start.
    /// </summary>
    public int DataLengthHint;

    /// <summary>For a root plan: how many result slots its last execution took, the size of the next one's first array.</summary>
    public int SlotCountHint;
}
