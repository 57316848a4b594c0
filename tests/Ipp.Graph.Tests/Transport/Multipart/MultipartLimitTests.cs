using System.Security.Claims;
using Ipp.Graph.Engine.Error;
using Ipp.Graph.Experiments;
using Ipp.Graph.GraphQL;
using Ipp.Graph.Tests.Accounts;
using Ipp.Graph.Tests.Support;
using Ipp.Graph.Tests.Transport.Http;
using Ipp.Graph.Transport;
using Ipp.Graph.Transport.Multipart;
using static Ipp.Graph.Tests.Transport.Multipart.MultipartRequests;

namespace Ipp.Graph.Tests.Transport.Multipart;

/// <summary>
/// A server with small upload limits (10,000 bytes per file, 2 files, 2,000 bytes of operations and map) and a
/// per-user allowance of 15,000 bytes for signed-in callers (anonymous ones are refused).
/// </summary>
public sealed class LimitedServerFixture : IAsyncLifetime
{
    public const long Allowance = 15_000;

    private RunningServer? _server;

    public RunningServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public HttpClient Client { get; private set; } = null!;

    public string Token { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _server = await RunningServer.StartAsync(
            builder => builder.Services.AddSingleton<IUploadAllowance>(new FixedAllowance(Allowance)),
            "--Accounts:BcryptCost=4",
            "--Uploads:MaxFileBytes=10000",
            "--Uploads:MaxFiles=2",
            "--Uploads:MaxOperationsBytes=2000");
        Client = _server.CreateClient();
        using var accounts = new GraphQLHttp(_server);
        Token = await accounts.CreateUserAsync("limited@example.org");
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>The per-user quota seam as a feature implements it: a fixed allowance for signed-in callers.</summary>
    private sealed class FixedAllowance(long remaining) : IUploadAllowance
    {
        public ValueTask<UploadAllowance> GetAsync(ClaimsPrincipal caller, CancellationToken cancellationToken) =>
            ValueTask.FromResult(caller.Identity?.IsAuthenticated == true
                ? new UploadAllowance(remaining)
                : new UploadAllowance(0, new GraphQLError("Sign in to upload files.", code: ServerErrorCodes.AuthNotAuthenticated)));
    }
}

/// <summary>Each upload limit refuses the request with its status and code, keeps no file and logs no error.</summary>
public sealed class MultipartLimitTests(LimitedServerFixture fixture) : IClassFixture<LimitedServerFixture>
{
    [Fact]
    public async Task Files_within_every_limit_are_accepted()
    {
        var answer = await fixture.Client.PostMultipartAsync(Body(Valid(files: 2, length: 7_000)), fixture.Token);

        answer.AssertExecuted();
        await fixture.Server.AssertIncomingEmptiesAsync();
    }

    [Fact]
    public async Task A_file_one_byte_over_the_limit_is_refused_with_413()
    {
        var answer = await fixture.Client.PostMultipartAsync(Body(Valid(length: 10_001)), fixture.Token);

        await AssertRefusedAsync(answer, 413, UploadErrorCodes.UploadTooLarge, "The file \"0\" is larger than the limit of 10000 bytes per file.");
    }

    [Fact]
    public async Task A_file_far_over_the_limit_is_refused_while_it_arrives()
    {
        // 64 MiB generated as it is sent: the server answers long before the client could have sent it all.
        var (status, body, sent) = await RawUpload.PostUntilAnsweredAsync(fixture.Server.Address, fixture.Token, 64L * 1024 * 1024);

        Assert.True(status == 413, $"{status}: {body}");
        Assert.Contains("\"code\":\"UPLOAD_TOO_LARGE\"", body);
        Assert.True(sent < 32L * 1024 * 1024, $"The server answered only after {sent} bytes.");
        await fixture.Server.AssertIncomingEmptiesAsync();
        Assert.Empty(fixture.Server.Logs.Errors);
    }

    [Fact]
    public async Task More_files_than_the_limit_are_refused_before_any_is_stored()
    {
        var answer = await fixture.Client.PostMultipartAsync(Body(Valid(files: 3, length: 10)), fixture.Token);

        await AssertRefusedAsync(answer, 413, UploadErrorCodes.UploadTooManyFiles, "The request has more files than the limit of 2.");
    }

    [Fact]
    public async Task Operations_and_map_over_their_limit_are_refused()
    {
        var operations = Operations().Replace("upload test", new string('n', 2_500));
        var answer = await fixture.Client.PostMultipartAsync(Body([Part.Json("operations", operations), Part.Json("map", Map()), Part.File("0", 10)]), fixture.Token);

        await AssertRefusedAsync(answer, 413, TransportErrorCodes.PayloadTooLarge, "The \"operations\" and \"map\" parts are larger than the limit of 2000 bytes.");
    }

    [Fact]
    public async Task Files_over_the_callers_allowance_are_refused_with_quota_exceeded()
    {
        var answer = await fixture.Client.PostMultipartAsync(Body(Valid(files: 2, length: 8_000)), fixture.Token);

        await AssertRefusedAsync(answer, 413, ExperimentsErrorCodes.QuotaExceeded, "The files are larger than the 15000 bytes you may still upload.");
    }

    [Fact]
    public async Task The_allowances_refusal_is_the_answer()
    {
        var answer = await fixture.Client.PostMultipartAsync(Body(Valid()));

        await AssertRefusedAsync(answer, 401, ServerErrorCodes.AuthNotAuthenticated, "Sign in to upload files.");
    }

    [Fact]
    public async Task A_request_without_files_does_not_ask_the_allowance()
    {
        var answer = await fixture.Client.PostMultipartAsync(Body([Part.Json("operations", """{"query":"{ __typename }"}"""), Part.Json("map", "{}")]));

        Assert.Equal(200, answer.Status);
        Assert.Equal("""{"data":{"__typename":"Query"}}""", answer.Body);
    }

    private async Task AssertRefusedAsync(HttpAnswer answer, int status, string code, string message)
    {
        Assert.True(answer.Status == status, answer.ToString());
        answer.AssertErrorBody(code);
        Assert.Equal(message, answer.ErrorMessage);
        await fixture.Server.AssertIncomingEmptiesAsync();
        Assert.Empty(fixture.Server.Logs.Errors);
    }
}
