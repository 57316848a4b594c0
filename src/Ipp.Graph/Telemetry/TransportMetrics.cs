using System.Diagnostics.Metrics;

namespace Ipp.Graph.Telemetry;

/// <summary>
/// The instruments of the transports: open WebSocket connections and event streams, multipart requests being
/// received and the bytes of their files. Each open-and-close pair is a <see cref="Open"/> to dispose when it ends.
/// </summary>
public static class TransportMetrics
{
    /// <summary>The attribute naming a WebSocket connection's subprotocol.</summary>
    internal const string ProtocolAttribute = "ipp.websocket.protocol";

    /// <summary><c>ipp.websocket.active_connections</c> ({connection}): open WebSocket connections, by <c>ipp.websocket.protocol</c>.</summary>
    public static readonly UpDownCounter<long> ActiveWebSockets = ServerTelemetry.Meter.CreateUpDownCounter<long>(
        "ipp.websocket.active_connections",
        "{connection}",
        "Open GraphQL WebSocket connections.");

    /// <summary><c>ipp.sse.active_streams</c> ({stream}): open Server-Sent Events streams.</summary>
    public static readonly UpDownCounter<long> ActiveEventStreams = ServerTelemetry.Meter.CreateUpDownCounter<long>(
        "ipp.sse.active_streams",
        "{stream}",
        "Open GraphQL Server-Sent Events streams.");

    /// <summary><c>ipp.upload.active_requests</c> ({request}): multipart requests whose parts are being received.</summary>
    public static readonly UpDownCounter<long> ActiveUploads = ServerTelemetry.Meter.CreateUpDownCounter<long>(
        "ipp.upload.active_requests",
        "{request}",
        "GraphQL multipart requests (uploads) being received.");

    /// <summary><c>ipp.upload.received</c> (By): bytes of uploaded files received, counted as they arrive.</summary>
    public static readonly Counter<long> UploadedBytes = ServerTelemetry.Meter.CreateCounter<long>(
        "ipp.upload.received",
        "By",
        "Bytes of uploaded files received.");

    /// <summary>A WebSocket connection speaking <paramref name="protocol"/> opened; dispose the result when it closes.</summary>
    public static Open WebSocketOpened(string protocol) => Open.Of(ActiveWebSockets, new KeyValuePair<string, object?>(ProtocolAttribute, protocol));

    /// <summary>An event stream opened; dispose the result when it ends.</summary>
    public static Open EventStreamOpened() => Open.Of(ActiveEventStreams, default);

    /// <summary>A multipart request started arriving; dispose the result when it was read (or refused).</summary>
    public static Open UploadStarted() => Open.Of(ActiveUploads, default);

    /// <summary>Counts <paramref name="bytes"/> more of an uploaded file received.</summary>
    public static void BytesReceived(long bytes) => UploadedBytes.Add(bytes);

    /// <summary>
    /// One unit of an up-down counter, taken back when disposed. Nothing is taken (or given back) when nobody listened
    /// as it opened, so a listener that arrives meanwhile never sees it go below zero. A struct: no allocation.
    /// </summary>
    public readonly struct Open : IDisposable
    {
        private readonly UpDownCounter<long>? _counter;
        private readonly KeyValuePair<string, object?> _attribute;

        private Open(UpDownCounter<long> counter, KeyValuePair<string, object?> attribute)
        {
            _counter = counter;
            _attribute = attribute;
        }

        internal static Open Of(UpDownCounter<long> counter, KeyValuePair<string, object?> attribute)
        {
            if (!counter.Enabled)
            {
                return default;
            }

            var open = new Open(counter, attribute);
            open.Add(1);
            return open;
        }

        public void Dispose() => Add(-1);

        private void Add(long delta)
        {
            if (_counter is null)
            {
                return;
            }

            if (_attribute.Key is null)
            {
                _counter.Add(delta);
            }
            else
            {
                _counter.Add(delta, _attribute);
            }
        }
    }
}
