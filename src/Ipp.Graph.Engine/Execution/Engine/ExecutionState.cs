using System.Diagnostics.CodeAnalysis;
using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Execution.Planning;
using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.Engine.Types;

namespace Ipp.Graph.Engine.Execution.Engine;

/// <summary>
/// One execution of an operation: the result tree, the errors, and the loop that drives resolvers.
/// </summary>
/// <remarks>
/// Only the loop touches the tree, so it needs no locks. Fields execute depth-first: a resolver whose value task
/// completed synchronously is completed at once (with its whole sub-tree, where it is synchronous too); one that
/// is pending is registered, and its continuation only posts it to the <see cref="ExecutionInbox"/>. When no
/// synchronous work is left, the loop dispatches the data loaders' batches, then waits for the next completion.
/// Sibling fields of queries all start before anything is awaited; the root fields of mutations run one at a
/// time, each with its whole sub-tree complete before the next starts.
/// </remarks>
internal sealed partial class ExecutionState
{
    /// <summary>How many fields execute between two looks at the clock when everything is synchronous.</summary>
    private const int FieldsBetweenDeadlineChecks = 1024;

    /// <summary>The last <see cref="Id"/> given, process-wide.</summary>
    private static long s_lastId;

    /// <summary>
    /// A state this thread's last execution finished with, ready for the next one (<see cref="Rent"/>): a request
    /// that completes synchronously then allocates no state of its own.
    /// </summary>
    [ThreadStatic]
    private static ExecutionState? t_spare;

    private OperationPlan _operation;
    private PlanRoot _plan;
    private bool _serial;
    private bool _isEvent;
    private CancellationToken _hostToken;
    private TimeSpan _timeout;
    /// <summary>
    /// When the time limit passes, in <see cref="Environment.TickCount64"/> milliseconds (a clock far cheaper to read
    /// than the precise one, and precise enough for limits of seconds); <see cref="long.MaxValue"/> for none.
    /// </summary>
    private long _deadline;
    private ResultObject? _root;
    private List<GraphQLError>? _errors;
    private object?[] _dynamicArguments = [];
    private int _pending;
    private int _fieldsSinceDeadlineCheck;
    private bool _aborted;
    private bool _timedOut;
    private Queue<(ResultObject Owner, object? Parent)>? _deferred;
    private ExecutionInbox? _inbox;
    private PendingField? _freePending;
    private List<ResultObject>? _ripeDoomed;
    private Dictionary<ResultObject, GraphQLError>? _doomed;
    private SlotSlab _slots;
    private LinkedToken? _linkedToken;
    private long _id;

    public ExecutionState(
        OperationPlan operation,
        PlanRoot plan,
        IReadOnlyDictionary<string, object?> variables,
        object? rootValue,
        RequestContext request,
        CancellationToken cancellationToken,
        TimeSpan timeout,
        bool isEvent = false)
    {
        Start(operation, plan, variables, rootValue, request, cancellationToken, timeout, isEvent);
    }

    /// <summary>
    /// A state for one query or mutation: this thread's spare one when it has one, else a new one. The execution gives
    /// it back for the next when it completed synchronously (<see cref="Recycle"/>).
    /// </summary>
    public static ExecutionState Rent(
        OperationPlan operation,
        PlanRoot plan,
        IReadOnlyDictionary<string, object?> variables,
        object? rootValue,
        RequestContext request,
        CancellationToken cancellationToken,
        TimeSpan timeout)
    {
        var spare = t_spare;
        if (spare is null)
        {
            return new ExecutionState(operation, plan, variables, rootValue, request, cancellationToken, timeout);
        }

        t_spare = null;
        spare.Start(operation, plan, variables, rootValue, request, cancellationToken, timeout, isEvent: false);
        return spare;
    }

    [MemberNotNull(nameof(_operation), nameof(_plan), nameof(Variables), nameof(Request))]
    private void Start(
        OperationPlan operation,
        PlanRoot plan,
        IReadOnlyDictionary<string, object?> variables,
        object? rootValue,
        RequestContext request,
        CancellationToken cancellationToken,
        TimeSpan timeout,
        bool isEvent)
    {
        _isEvent = isEvent;
        _operation = operation;
        Variables = variables;
        RootValue = rootValue;
        Request = request;
        _plan = plan;
        _slots = new SlotSlab(plan.Plan.SlotCountHint);
        _serial = operation.Operation.Operation == OperationType.Mutation;
        _hostToken = cancellationToken;
        _timeout = timeout;
        _deadline = timeout == Timeout.InfiniteTimeSpan || timeout <= TimeSpan.Zero
            ? long.MaxValue
            : Environment.TickCount64 + (long)Math.Ceiling(timeout.TotalMilliseconds);
    }

    /// <summary>
    /// Makes this state the thread's spare once its execution completed synchronously: every resolver returned, no
    /// continuation, inbox or linked token refers to it, and the result holds only the tree and the errors, which it
    /// lets go of here. A state that ever waited is left to the collector (a late continuation could still reach it).
    /// </summary>
    private void Recycle()
    {
        if (_inbox is not null || _linkedToken is not null || _isEvent)
        {
            return;
        }

        _operation = null!;
        _plan = null!;
        Variables = null!;
        RootValue = null;
        Request = null!;
        _hostToken = default;
        _root = null;
        _errors = null;
        _pending = 0;
        _fieldsSinceDeadlineCheck = 0;
        _aborted = false;
        _timedOut = false;
        _ripeDoomed = null;
        _doomed = null;
        _slots = default;
        _id = 0;
        Array.Clear(_dynamicArguments);
        t_spare = this;
    }

    public Schema Schema => _operation.Schema;

    public OperationDefinitionNode Operation => _operation.Operation;

    public IReadOnlyDictionary<string, FragmentDefinitionNode> Fragments => _operation.Fragments;

    public IReadOnlyDictionary<string, object?> Variables { get; private set; }

    public object? RootValue { get; private set; }

    public RequestContext Request { get; private set; }

    /// <summary>
    /// A number no other execution in this process has (see <see cref="ResolveContext.ExecutionId"/>), given when first
    /// asked: most executions never ask.
    /// </summary>
    public long Id
    {
        get
        {
            if (Volatile.Read(ref _id) == 0)
            {
                Interlocked.CompareExchange(ref _id, Interlocked.Increment(ref s_lastId), 0);
            }

            return _id;
        }
    }

    /// <summary>The host's token, or (when a time limit applies) a token also cancelled when the time is up.</summary>
    public CancellationToken CancellationToken => _deadline == long.MaxValue ? _hostToken : EnsureLinkedToken().Token;

    /// <summary>Executes the operation; completes synchronously when every resolver did.</summary>
    /// <remarks>
    /// Resolvers run without the caller's synchronization context, as they do once the loop has awaited anything:
    /// their continuations then run where their work completes (a data loader's batch completing resumes every
    /// resolver waiting on it before the loop dispatches again) instead of being queued to the caller's context.
    /// </remarks>
    public ValueTask<ExecutionResult> ExecuteAsync()
    {
        var callerContext = SynchronizationContext.Current;
        if (callerContext is null)
        {
            return Execute();
        }

        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            return Execute();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(callerContext);
        }
    }

    private ValueTask<ExecutionResult> Execute()
    {
        var rootPlan = _plan.Plan;
        _root = new ResultObject(rootPlan, ref _slots, null, 0);
        if (rootPlan.Error is { } collectError)
        {
            Propagate(_root, collectError);
            return new ValueTask<ExecutionResult>(BuildResult());
        }

        if (_serial)
        {
            return ExecuteSeriallyAsync();
        }

        Request.EnterExecution();
        bool completed;
        try
        {
            if (ExecuteFields(_root, RootValue) is { } error)
            {
                Propagate(_root, error);
            }

            completed = TryFinishSynchronously();
        }
        catch
        {
            Request.ExitExecution();
            _linkedToken?.Dispose();
            throw;
        }

        if (!completed)
        {
            return FinishAsync();
        }

        Request.ExitExecution();
        _linkedToken?.Dispose();
        var result = BuildResult();
        Recycle();
        return new ValueTask<ExecutionResult>(result);
    }

    private async ValueTask<ExecutionResult> FinishAsync()
    {
        try
        {
            await WaitForPendingAsync().ConfigureAwait(false);
            return BuildResult();
        }
        finally
        {
            Request.ExitExecution();
            _linkedToken?.Dispose();
        }
    }

    private async ValueTask<ExecutionResult> ExecuteSeriallyAsync()
    {
        var root = _root!;
        Request.EnterExecution();
        try
        {
            foreach (var field in root.Plan.Fields)
            {
                if (ExecuteField(root, field, RootValue) is { } error)
                {
                    Propagate(root, error);
                }

                if (!TryFinishSynchronously())
                {
                    await WaitForPendingAsync().ConfigureAwait(false);
                }

                if (root.IsNulled || _aborted)
                {
                    break;
                }
            }

            return BuildResult();
        }
        finally
        {
            Request.ExitExecution();
            _linkedToken?.Dispose();
        }
    }

    private ExecutionResult BuildResult()
    {
        if (_hostToken.IsCancellationRequested && _aborted)
        {
            throw new OperationCanceledException(_hostToken);
        }

        if (_timedOut)
        {
            return ExecutionResult.TimedOut(_timeout);
        }

        var root = _root!;
        root.Plan.SlotCountHint = _slots.Taken;
        return new ExecutionResult(root.IsNulled ? null : root, hasData: true, _errors, null);
    }

    private void AddError(GraphQLError error) => (_errors ??= []).Add(error);

    private LinkedToken EnsureLinkedToken()
    {
        var linked = Volatile.Read(ref _linkedToken);
        if (linked is null)
        {
            var created = new LinkedToken(_hostToken, _deadline);
            linked = Interlocked.CompareExchange(ref _linkedToken, created, null) ?? created;
            if (!ReferenceEquals(linked, created))
            {
                created.Dispose();
            }
        }

        return linked;
    }

    /// <summary>A token cancelled by the host or when the time limit is reached; created only when someone needs it.</summary>
    private sealed class LinkedToken : IDisposable
    {
        private readonly CancellationTokenSource _source;

        public LinkedToken(CancellationToken hostToken, long deadline)
        {
            _source = CancellationTokenSource.CreateLinkedTokenSource(hostToken);
            _source.CancelAfter(TimeSpan.FromMilliseconds(Math.Max(0, deadline - Environment.TickCount64)));
            Token = _source.Token;
        }

        public CancellationToken Token { get; }

        public void Dispose() => _source.Dispose();
    }
}
