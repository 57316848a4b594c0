using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ipp.Graph.Picas;

/// <summary>
/// The token pool's CouchDB database over HTTP (CouchDB 3's API, which pouchdb-server serves too): documents by id
/// with revisions, views, and the changes feed. Every call ends in a <see cref="CouchResult{T}"/>: an unreachable
/// server, a 5xx, a 401 or an answer that is not CouchDB's JSON is a typed failure, never an exception (a cancelled
/// call still throws <see cref="OperationCanceledException"/>). A network failure, a timeout or a 5xx is tried again
/// (<see cref="PicasOptions.Retries"/>, the wait doubling from <see cref="PicasOptions.RetryDelay"/>): every call is
/// safe to repeat, since a document is written with its id and revision and a repeated write only conflicts.
/// </summary>
public sealed class CouchDbClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly PicasOptions _options;
    private readonly AuthenticationHeaderValue? _authorization;
    private readonly string _database;

    public CouchDbClient(PicasOptions options)
    {
        _options = options;
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false })
        {
            BaseAddress = options.ServerUri,
            // Each call has its own limit (RequestTimeout, and a long poll's wait on top).
            Timeout = Timeout.InfiniteTimeSpan,
        };
        if (!string.IsNullOrEmpty(options.Username))
        {
            _authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.Username}:{options.Password}")));
        }

        // A database name may hold a slash, which CouchDB wants escaped.
        _database = Uri.EscapeDataString(options.Database);
    }

    /// <summary>Creates the database: true when it was made, false when it was there already.</summary>
    public async Task<CouchResult<bool>> CreateDatabaseAsync(CancellationToken cancellationToken)
    {
        var result = await SendAsync(HttpMethod.Put, _database, null, _options.RequestTimeout, cancellationToken);
        return result.Outcome == CouchOutcome.Conflict ? CouchResult<bool>.Ok(false)
            : result.IsOk ? CouchResult<bool>.Ok(true)
            : result.As<bool>();
    }

    /// <summary>
    /// The database's own description (<c>GET /{db}</c>): the cheapest proof that it is there and readable; without
    /// <paramref name="retry"/> asked once.
    /// </summary>
    public async Task<CouchResult<JsonObject>> DatabaseInfoAsync(CancellationToken cancellationToken, bool retry = true) =>
        AsObject(await SendAsync(HttpMethod.Get, _database, null, _options.RequestTimeout, cancellationToken, retry ? _options.Retries : 0));

    /// <summary>A document with its <c>_rev</c>; <see cref="CouchOutcome.NotFound"/> when there is none (or it was deleted).</summary>
    public async Task<CouchResult<JsonObject>> GetDocumentAsync(string id, CancellationToken cancellationToken) =>
        AsObject(await SendAsync(HttpMethod.Get, DocumentPath(id), null, _options.RequestTimeout, cancellationToken));

    /// <summary>
    /// Writes a document under <paramref name="id"/> and gives its new revision. Without <c>_rev</c> in
    /// <paramref name="document"/> it must be new; with one it must be the current revision. Otherwise:
    /// <see cref="CouchOutcome.Conflict"/>.
    /// </summary>
    public async Task<CouchResult<string>> PutDocumentAsync(string id, JsonObject document, CancellationToken cancellationToken)
    {
        var result = await SendAsync(HttpMethod.Put, DocumentPath(id), document.ToJsonString(), _options.RequestTimeout, cancellationToken);
        return Revision(result);
    }

    /// <summary>
    /// Deletes the document <paramref name="id"/> at revision <paramref name="revision"/> (<c>DELETE /{db}/{id}?rev=</c>)
    /// and gives the deletion's revision; <see cref="CouchOutcome.Conflict"/> when the document has another revision
    /// now (it changed since it was read), <see cref="CouchOutcome.NotFound"/> when it is gone.
    /// </summary>
    public async Task<CouchResult<string>> DeleteDocumentAsync(string id, string revision, CancellationToken cancellationToken)
    {
        var result = await SendAsync(HttpMethod.Delete, $"{DocumentPath(id)}?rev={Uri.EscapeDataString(revision)}", null, _options.RequestTimeout, cancellationToken);
        return Revision(result);
    }

    /// <summary>
    /// Writes new documents in one request (<c>POST /{db}/_bulk_docs</c>), each under its <c>_id</c>, and gives each
    /// one's outcome in their order: <see cref="CouchOutcome.Ok"/>, <see cref="CouchOutcome.Conflict"/> (a document
    /// with that id is there), or another refusal. CouchDB writes each on its own: some may be written and others not.
    /// </summary>
    public async Task<CouchResult<IReadOnlyList<CouchBulkWrite>>> WriteNewDocumentsAsync(IReadOnlyList<JsonObject> documents, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["docs"] = new JsonArray([.. documents.Select(document => (JsonNode)document.DeepClone())]) };
        var result = await SendAsync(HttpMethod.Post, $"{_database}/_bulk_docs", body.ToJsonString(), _options.RequestTimeout, cancellationToken);
        if (!result.IsOk)
        {
            return result.As<IReadOnlyList<CouchBulkWrite>>();
        }

        return result.Value is JsonArray answers && answers.Count == documents.Count
            ? CouchResult<IReadOnlyList<CouchBulkWrite>>.Ok([.. answers.Select(CouchBulkWrite.Read)])
            : CouchResult<IReadOnlyList<CouchBulkWrite>>.Failed(CouchOutcome.InvalidResponse, "a bulk write's answer that is not one result per document");
    }

    /// <summary>A view of a design document, e.g. <c>Monitor/locked</c>, as <paramref name="query"/> asks it.</summary>
    public async Task<CouchResult<CouchViewPage>> QueryViewAsync(string designDocument, string view, CouchViewQuery query, CancellationToken cancellationToken)
    {
        var path = $"{_database}/_design/{Uri.EscapeDataString(designDocument)}/_view/{Uri.EscapeDataString(view)}{query.QueryString()}";
        var result = AsObject(await SendAsync(HttpMethod.Get, path, null, _options.RequestTimeout, cancellationToken));
        return result.IsOk ? CouchViewPage.Read(result.Value!) : result.As<CouchViewPage>();
    }

    /// <summary>
    /// The changes after <paramref name="since"/> (a sequence the feed gave, or <c>0</c> for all), at most
    /// <paramref name="limit"/>, with each changed document. With <paramref name="longPoll"/> the server waits that
    /// long for a change when there is none yet. pouchdb-server does not end a long poll that saw no change (it sends
    /// heartbeats instead, and <c>since=now</c> can hang outright): an answer that started (200) but did not end within
    /// the wait and <see cref="PicasOptions.RequestTimeout"/> counts as no change, and the next call asks from the same
    /// sequence, so nothing is lost.
    /// </summary>
    public async Task<CouchResult<CouchChanges>> ChangesAsync(string since, int limit, TimeSpan? longPoll, CancellationToken cancellationToken)
    {
        var path = $"{_database}/_changes?include_docs=true&since={Uri.EscapeDataString(since)}&limit={limit}";
        var timeout = _options.RequestTimeout;
        if (longPoll is { } wait)
        {
            path += $"&feed=longpoll&timeout={(long)wait.TotalMilliseconds}";
            timeout += wait;
        }

        var result = await SendAsync(HttpMethod.Get, path, null, timeout, cancellationToken, unfinishedIsEmpty: longPoll is not null);
        if (result.IsOk && result.Value is null)
        {
            return CouchResult<CouchChanges>.Ok(new CouchChanges([], since));
        }

        var answer = AsObject(result);
        return answer.IsOk ? CouchChanges.Read(answer.Value!) : answer.As<CouchChanges>();
    }

    /// <summary>
    /// At most <paramref name="maxBytes"/> bytes of the attachment <paramref name="name"/> of document
    /// <paramref name="id"/> from byte <paramref name="offset"/> on, and whether it holds more after them;
    /// <see cref="CouchOutcome.NotFound"/> when there is none. The rest of a longer attachment is never read. From an
    /// offset the bytes are asked as a range; a server that sends the whole attachment instead (CouchDB does for one it
    /// stores compressed) has the bytes before the offset skipped as they arrive, never kept.
    /// </summary>
    public async Task<CouchResult<CouchAttachment>> GetAttachmentAsync(string id, string name, long offset, int maxBytes, CancellationToken cancellationToken)
    {
        var path = $"{DocumentPath(id)}/{Uri.EscapeDataString(name)}";
        var delay = _options.RetryDelay;
        for (var attempt = 0; ; attempt++)
        {
            var result = await GetAttachmentOnceAsync(path, offset, maxBytes, cancellationToken);
            if (result.Outcome is not (CouchOutcome.Unreachable or CouchOutcome.ServerError) || attempt >= _options.Retries)
            {
                return result;
            }

            await Task.Delay(delay, cancellationToken);
            delay *= 2;
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task<CouchResult<CouchAttachment>> GetAttachmentOnceAsync(string path, long offset, int maxBytes, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(_options.RequestTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = _authorization;
        if (offset > 0)
        {
            request.Headers.Range = new RangeHeaderValue(offset, null);
        }

        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, limit.Token);
            var code = (int)response.StatusCode;
            if (code == 416)
            {
                return CouchResult<CouchAttachment>.Ok(new CouchAttachment([], false)); // Nothing at or after the offset.
            }

            if (code is < 200 or >= 300)
            {
                var outcome = code switch
                {
                    401 or 403 => CouchOutcome.Unauthorized,
                    404 => CouchOutcome.NotFound,
                    >= 400 and < 500 => CouchOutcome.Rejected,
                    _ => CouchOutcome.ServerError,
                };
                return CouchResult<CouchAttachment>.Failed(outcome, $"{code} for an attachment");
            }

            await using var body = await response.Content.ReadAsStreamAsync(limit.Token);
            var buffer = new byte[maxBytes + 1];
            if (offset > 0 && code != 206)
            {
                for (var skipped = 0L; skipped < offset && await body.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, offset - skipped)), limit.Token) is var count and > 0;)
                {
                    skipped += count;
                }
            }

            var read = 0;
            while (read < buffer.Length && await body.ReadAsync(buffer.AsMemory(read), limit.Token) is var count and > 0)
            {
                read += count;
            }

            return CouchResult<CouchAttachment>.Ok(new CouchAttachment(buffer.AsSpan(0, Math.Min(read, maxBytes)).ToArray(), read > maxBytes));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return CouchResult<CouchAttachment>.Failed(CouchOutcome.Unreachable, $"no answer within {_options.RequestTimeout}");
        }
        catch (HttpRequestException exception)
        {
            return CouchResult<CouchAttachment>.Failed(CouchOutcome.Unreachable, exception.Message);
        }
    }

    /// <summary>A document's path: a design document's id keeps its slash (<c>_design/Monitor</c>), any other is escaped whole.</summary>
    private string DocumentPath(string id) =>
        id.StartsWith("_design/", StringComparison.Ordinal)
            ? $"{_database}/_design/{Uri.EscapeDataString(id["_design/".Length..])}"
            : $"{_database}/{Uri.EscapeDataString(id)}";

    /// <summary>The new revision a write or deletion answered (<c>{"ok": true, "rev": …}</c>), or its failure.</summary>
    private static CouchResult<string> Revision(CouchResult<JsonNode?> result) =>
        !result.IsOk ? result.As<string>()
        : result.Value is JsonObject answer && answer["rev"] is JsonValue rev && rev.TryGetValue<string>(out var revision) ? CouchResult<string>.Ok(revision)
        : CouchResult<string>.Failed(CouchOutcome.InvalidResponse, "a write's answer without its revision");

    private static CouchResult<JsonObject> AsObject(CouchResult<JsonNode?> result) =>
        !result.IsOk ? result.As<JsonObject>()
        : result.Value is JsonObject value ? CouchResult<JsonObject>.Ok(value)
        : CouchResult<JsonObject>.Failed(CouchOutcome.InvalidResponse, "an answer that is not a JSON object");

    /// <summary>Sends one request, tried again after a network failure, a timeout or a 5xx, and reads its JSON answer.</summary>
    private async Task<CouchResult<JsonNode?>> SendAsync(
        HttpMethod method, string path, string? body, TimeSpan timeout, CancellationToken cancellationToken, int? retries = null, bool unfinishedIsEmpty = false)
    {
        var delay = _options.RetryDelay;
        for (var attempt = 0; ; attempt++)
        {
            var result = await SendOnceAsync(method, path, body, timeout, unfinishedIsEmpty, cancellationToken);
            if (result.Outcome is not (CouchOutcome.Unreachable or CouchOutcome.ServerError) || attempt >= (retries ?? _options.Retries))
            {
                return result;
            }

            await Task.Delay(delay, cancellationToken);
            delay *= 2;
        }
    }

    /// <summary>
    /// One request and its JSON answer. With <paramref name="unfinishedIsEmpty"/> a 2xx whose body did not end in time
    /// is <c>Ok(null)</c> (a long poll pouchdb-server kept open).
    /// </summary>
    private async Task<CouchResult<JsonNode?>> SendOnceAsync(
        HttpMethod method, string path, string? body, TimeSpan timeout, bool unfinishedIsEmpty, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = _authorization;
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        HttpStatusCode? status = null;
        string text;
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, limit.Token);
            status = response.StatusCode;
            text = await response.Content.ReadAsStringAsync(limit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return unfinishedIsEmpty && status is { } started && (int)started is >= 200 and < 300
                ? CouchResult<JsonNode?>.Ok(null)
                : CouchResult<JsonNode?>.Failed(CouchOutcome.Unreachable, $"no answer within {timeout}");
        }
        catch (HttpRequestException exception)
        {
            return CouchResult<JsonNode?>.Failed(CouchOutcome.Unreachable, exception.Message);
        }

        var code = (int)status!.Value;
        JsonNode? json;
        try
        {
            json = JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return CouchResult<JsonNode?>.Failed(
                code >= 500 ? CouchOutcome.ServerError : CouchOutcome.InvalidResponse,
                $"{code} with an answer that is not JSON");
        }

        var outcome = code switch
        {
            >= 200 and < 300 => CouchOutcome.Ok,
            401 or 403 => CouchOutcome.Unauthorized,
            404 => CouchOutcome.NotFound,
            409 or 412 => CouchOutcome.Conflict,
            >= 400 and < 500 => CouchOutcome.Rejected,
            _ => CouchOutcome.ServerError,
        };
        return outcome == CouchOutcome.Ok
            ? CouchResult<JsonNode?>.Ok(json)
            : CouchResult<JsonNode?>.Failed(outcome, $"{code} {ErrorText(json)}");
    }

    /// <summary>CouchDB's <c>error: reason</c> from a failure's body, cut short.</summary>
    private static string ErrorText(JsonNode? json)
    {
        var text = json is JsonObject failure ? $"{failure["error"]}: {failure["reason"]}" : "";
        return text.Length > 200 ? text[..200] : text;
    }
}
