using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Execution.Documents;
using Ipp.Graph.Engine.Execution.Planning;
using Ipp.Graph.Engine.Execution.Subscriptions;
using Ipp.Graph.Engine.Language;
using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.Engine.Types;
using Ipp.Graph.Engine.Validation;
using Ipp.Graph.Engine.Validation.Limits;

namespace Ipp.Graph.Engine.Execution;

/// <summary>
/// The engine's front door for a host: parses (cached), checks limits, validates (cached), plans (cached) and
/// executes requests against one schema.
/// </summary>
/// <remarks>
/// Documents are cached by query text (see <see cref="EngineOptions.DocumentCacheSize"/>) with the outcome of
/// parsing and validating them and the plans of their operations, so a cached document is never parsed,
/// validated or planned again. Instances are thread-safe and meant to live as long as the schema.
/// </remarks>
public sealed class RequestExecutor
{
    private readonly DocumentCache _documents;
    private readonly PlanStatistics _statistics = new();
    private readonly ParseOptions _parseOptions;
    private readonly ValidationOptions _validationOptions;
    private readonly DocumentLimits _limits;
    private readonly Func<string, PreparedDocument> _prepare;
    private long _documentsPrepared;

    /// <summary>An executor of requests against <paramref name="schema"/>, with <paramref name="options"/> or the defaults.</summary>
    public RequestExecutor(Schema schema, EngineOptions? options = null)
    {
        Schema = schema;
        Options = options ?? EngineOptions.Default;
        _documents = new DocumentCache(Options.DocumentCacheSize, (long)Options.DocumentCacheSize * EngineOptions.CachedCharactersPerDocument);
        _parseOptions = new ParseOptions { MaxTokens = Options.MaxTokens > 0 ? Options.MaxTokens : null };
        _limits = new DocumentLimits
        {
            MaxDepth = Limit(Options.MaxDepth),
            MaxFields = Limit(Options.MaxFields),
            MaxAliases = Limit(Options.MaxAliases),
        };
        _validationOptions = new ValidationOptions { MaxErrors = Math.Max(1, Options.MaxValidationErrors) };
        _prepare = Prepare;
    }

    /// <summary>The schema requests execute against.</summary>
    public Schema Schema { get; }

    /// <summary>The limits and caches in force.</summary>
    public EngineOptions Options { get; }

    /// <summary>How many times a document was parsed and validated (once per document while it stays cached).</summary>
    internal long DocumentsPrepared => Interlocked.Read(ref _documentsPrepared);

    /// <summary>How many documents the cache holds.</summary>
    internal int CachedDocuments => _documents.Count;

    /// <summary>How many characters of document text the cache holds.</summary>
    internal long CachedCharacters => _documents.Characters;

    /// <summary>How many times a request's text was looked up in the document cache.</summary>
    internal long DocumentLookups => _documents.Lookups;

    /// <summary>How many times fields were collected for a selection set; stays put when cached plans are reused.</summary>
    internal long SelectionSetsCollected => _statistics.SelectionSetsCollected;

    /// <summary>
    /// Runs a query or mutation. Never throws for anything the client sent: problems become errors in the result.
    /// Throws <see cref="OperationCanceledException"/> only when <see cref="RequestContext.CancellationToken"/> is cancelled.
    /// </summary>
    public ValueTask<ExecutionResult> ExecuteAsync(GraphQLRequest request, RequestContext context)
    {
        ValueTask<ExecutionResult> running;
        try
        {
            if (GetDocument(request) is not { } document)
            {
                return new ValueTask<ExecutionResult>(TooLarge(request.Query));
            }

            running = OperationRunner.ExecuteAsync(
                document, request.OperationName, request.Variables, context.RootValue, context, Options);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new ValueTask<ExecutionResult>(InternalError(exception));
        }

        return running.IsCompletedSuccessfully ? running : GuardAsync(running);
    }

    /// <summary>
    /// Starts a subscription: a stream of responses, one per event of the subscription field's source stream, or
    /// a single response when it cannot start. Never throws for anything the client sent.
    /// </summary>
    public async ValueTask<SubscriptionResult> SubscribeAsync(GraphQLRequest request, RequestContext context)
    {
        try
        {
            if (GetDocument(request) is not { } document)
            {
                return new SubscriptionResult(TooLarge(request.Query));
            }

            return await OperationRunner.SubscribeAsync(
                document, request.OperationName, request.Variables, context.RootValue, context, Options).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new SubscriptionResult(InternalError(exception));
        }
    }

    /// <summary>
    /// The kind of operation <paramref name="request"/> selects, so a host can choose between <see cref="ExecuteAsync"/>
    /// and <see cref="SubscribeAsync"/> (or refuse a mutation over GET) before running it; null when the document does
    /// not parse or validate or names no operation it defines (running the request then reports why). The document
    /// is prepared and cached as running it would, so this costs one cache look-up when it runs next.
    /// </summary>
    public OperationType? GetOperationType(GraphQLRequest request) => GetOperation(request)?.Operation;

    /// <summary>
    /// The operation <paramref name="request"/> selects (its type, and its name even when the request names none
    /// because the document holds one operation), for a host's telemetry; null as for <see cref="GetOperationType"/>.
    /// </summary>
    public OperationDefinitionNode? GetOperation(GraphQLRequest request)
    {
        try
        {
            return GetDocument(request) is { Errors: null } document
                && document.SelectOperation(request.OperationName, out _) is { } operation
                    ? operation.Operation
                    : null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A failure of the engine itself: running the request reports it.
            return null;
        }
    }

    /// <summary>
    /// The prepared document of the request's text (from the request when this executor prepared it before); null
    /// when the text exceeds <see cref="EngineOptions.MaxDocumentLength"/>.
    /// </summary>
    private PreparedDocument? GetDocument(GraphQLRequest request)
    {
        if (request.PreparedDocument is { } prepared && ReferenceEquals(request.PreparedBy, this))
        {
            return prepared;
        }

        var query = request.Query ?? string.Empty;
        if (query.Length > Options.MaxDocumentLength)
        {
            return null;
        }

        var document = _documents.GetOrPrepare(query, _prepare);
        request.PreparedDocument = document;
        request.PreparedBy = this;
        return document;
    }

    private PreparedDocument Prepare(string query)
    {
        Interlocked.Increment(ref _documentsPrepared);
        DocumentNode document;
        try
        {
            document = Parser.Parse(new Source(query), _parseOptions);
        }
        catch (GraphQLError error)
        {
            return PreparedDocument.Failed([ErrorWithCode(error, ErrorCodes.ParseFailed)]);
        }

        if (DocumentLimitChecker.Check(document, _limits) is { } tooBig)
        {
            return PreparedDocument.Failed([tooBig]);
        }

        var errors = Validator.Validate(Schema, document, _validationOptions);
        if (errors.Count > 0)
        {
            var reported = new GraphQLError[errors.Count];
            for (var i = 0; i < reported.Length; i++)
            {
                reported[i] = ErrorWithCode(errors[i], ErrorCodes.ValidationFailed);
            }

            return PreparedDocument.Failed(reported);
        }

        return PreparedDocument.Create(Schema, document, _statistics);
    }

    /// <summary>A limit of the options as the checker takes it: null (unlimited) when 0 or less.</summary>
    private static int? Limit(int value) => value > 0 ? value : null;

    private ExecutionResult TooLarge(string? query) =>
        ExecutionResult.FromError(new GraphQLError(
            $"The document is {query?.Length ?? 0} characters long, more than the limit of {Options.MaxDocumentLength}.",
            code: ErrorCodes.DocumentTooLarge));

    private static GraphQLError ErrorWithCode(GraphQLError error, string code) =>
        error.Code is not null ? error : new GraphQLError(error.Message, error.Locations, error.Path, code, error.Extensions, error.InnerException);

    /// <summary>A failure of the engine itself; reported, never thrown at the host.</summary>
    private static ExecutionResult InternalError(Exception exception) =>
        ExecutionResult.FromError(new GraphQLError(exception.Message, code: ErrorCodes.InternalServerError, originalError: exception));

    private static async ValueTask<ExecutionResult> GuardAsync(ValueTask<ExecutionResult> running)
    {
        try
        {
            return await running.ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return InternalError(exception);
        }
    }
}
