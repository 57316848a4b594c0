using Ipp.Graph.Engine.Language.Ast;

namespace Ipp.Graph.Engine.Validation;

/// <summary>
/// One validation rule's visitor for one validation run. All rules of a run are driven by a single traversal of the
/// document (like graphql-js's visitInParallel): a rule is called only for the node kinds it declares, in document
/// order, and may skip the children of the node it is entering for itself only (<see cref="SkipChildren"/>).
/// Rules hold per-run state, so a new instance is created for every validation.
/// </summary>
public abstract class ValidationRule
{
    private bool _skipRequested;

    /// <param name="enterKinds">The kinds of node <see cref="Enter"/> is called for.</param>
    /// <param name="leaveKinds">The kinds of node <see cref="Leave"/> is called for.</param>
    protected ValidationRule(NodeKindSet enterKinds, NodeKindSet leaveKinds = default)
    {
        EnterKinds = enterKinds;
        LeaveKinds = leaveKinds;
    }

    internal NodeKindSet EnterKinds { get; }

    internal NodeKindSet LeaveKinds { get; }

    /// <summary>The node whose subtree this rule is skipping; null while it is visiting.</summary>
    internal Node? SkippedNode { get; set; }

    /// <summary>Called when the traversal enters a node of one of the declared kinds, before its children.</summary>
    public virtual void Enter(Node node)
    {
    }

    /// <summary>Called when the traversal leaves a node of one of the declared kinds, after its children.</summary>
    public virtual void Leave(Node node)
    {
    }

    /// <summary>
    /// From <see cref="Enter"/>: this rule sees nothing more of the entered node (no children, no <see cref="Leave"/>
    /// of it); the other rules carry on.
    /// </summary>
    protected void SkipChildren() => _skipRequested = true;

    internal bool TakeSkipRequest()
    {
        var requested = _skipRequested;
        _skipRequested = false;
        return requested;
    }
}
