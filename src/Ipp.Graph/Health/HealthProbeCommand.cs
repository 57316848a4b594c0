namespace Ipp.Graph.Health;

/// <summary>
/// <c>health [--url &lt;url&gt;]</c>: asks a running server's <c>GET /health</c> and exits 0 when it answers 200, else 1.
/// The container's HEALTHCHECK runs it, since the runtime image has neither curl nor wget. Without <c>--url</c> the
/// address is the first one of ASPNETCORE_URLS (a wildcard host becomes 127.0.0.1), else http://localhost:5000.
/// </summary>
public static class HealthProbeCommand
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>Runs the command with the arguments after <c>health</c>; returns the process's exit code.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> options, TextWriter output, TextWriter error)
    {
        Uri url;
        switch (options)
        {
            case []:
                url = HealthUrl(Environment.GetEnvironmentVariable("ASPNETCORE_URLS"));
                break;
            case ["--url", var given] when Uri.TryCreate(given, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https":
                url = parsed;
                break;
            default:
                await error.WriteLineAsync("usage: health [--url http://host:port/health]");
                return 2;
        }

        // The probe asks this machine's own server: never through a proxy the environment may name.
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = Timeout };
        try
        {
            using var response = await client.GetAsync(url);
            await output.WriteLineAsync($"{url}: {(int)response.StatusCode} {response.ReasonPhrase}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            await error.WriteLineAsync($"{url}: {exception.Message}");
            return 1;
        }
    }

    /// <summary>
    /// <c>/health</c> on the first address of <paramref name="urls"/> (ASPNETCORE_URLS: addresses separated by
    /// <c>;</c>), with a wildcard host (<c>+</c>, <c>*</c>, <c>0.0.0.0</c>, <c>[::]</c>) replaced by 127.0.0.1;
    /// http://localhost:5000/health when there is none.
    /// </summary>
    public static Uri HealthUrl(string? urls)
    {
        var first = urls?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "http://localhost:5000";
        var schemeEnd = first.IndexOf("://", StringComparison.Ordinal);
        var hostStart = schemeEnd < 0 ? 0 : schemeEnd + 3;
        var rest = first[hostStart..];
        foreach (var wildcard in new[] { "+", "*", "0.0.0.0", "[::]" })
        {
            if (rest.StartsWith(wildcard, StringComparison.Ordinal) && (rest.Length == wildcard.Length || rest[wildcard.Length] is ':' or '/'))
            {
                rest = "127.0.0.1" + rest[wildcard.Length..];
                break;
            }
        }

        var builder = new UriBuilder(first[..hostStart] + rest) { Path = "/health", Query = string.Empty };
        return builder.Uri;
    }
}
