namespace Ipp.Graph.Tests.Picas;

/// <summary>The <c>Picas</c> settings on the real server: checked at start, each bad one stopping it with a message naming it.</summary>
public sealed class PicasSettingsTests
{
    [Theory]
    [InlineData(new[] { "--Picas:Url=ftp://couch.example.org/" }, "Picas:Url must be the absolute http or https address")]
    [InlineData(new[] { "--Picas:Url=https://couch.example.org/?x=1" }, "Picas:Url must be the absolute http or https address")]
    [InlineData(new[] { "--Picas:Url=https://ipp:secret@couch.example.org/" }, "Picas:Url must not carry credentials")]
    [InlineData(new[] { "--Picas:Url=https://couch.example.org/", "--Picas:Database=Tokens" }, "Picas:Database must be a CouchDB database name")]
    [InlineData(new[] { "--Picas:Url=https://couch.example.org/", "--Picas:Database=" }, "Picas:Database must be a CouchDB database name")]
    [InlineData(new[] { "--Picas:Url=https://couch.example.org/", "--Picas:Username=ipp" }, "Picas:Username and Picas:Password go together")]
    [InlineData(new[] { "--Picas:Url=http://couch.example.org/", "--Picas:Username=ipp", "--Picas:Password=p" }, "Picas:AllowUnencryptedCredentials=true")]
    [InlineData(new[] { "--Picas:Url=https://couch.example.org/", "--Picas:RequestTimeout=00:00:00" }, "Picas:RequestTimeout must be longer than 0")]
    [InlineData(new[] { "--Picas:Url=https://couch.example.org/", "--Picas:Retries=11" }, "Picas:Retries must be between 0 and 10")]
    [InlineData(new[] { "--Picas:Url=https://couch.example.org/", "--Picas:SetupRetryInterval=00:00:00" }, "Picas:SetupRetryInterval must be between a second and an hour")]
    [InlineData(new[] { "--Picas:Url=https://couch.example.org/", "--Picas:OutboxPollInterval=00:00:00" }, "Picas:OutboxPollInterval must be between 0.1 second and an hour")]
    [InlineData(new[] { "--Picas:Url=https://couch.example.org/", "--Picas:OutboxBatchSize=0" }, "Picas:OutboxBatchSize must be between 1 and 1000")]
    [InlineData(new[] { "--Picas:Url=https://couch.example.org/", "--Picas:OutboxBatchSize=1001" }, "Picas:OutboxBatchSize must be between 1 and 1000")]
    [InlineData(new[] { "--Picas:Url=https://couch.example.org/", "--Picas:ChangesWait=00:00:00" }, "Picas:ChangesWait must be between a second and 10 minutes")]
    [InlineData(new[] { "--Picas:Url=https://couch.example.org/", "--Picas:ReconcileInterval=00:00:00.5" }, "Picas:ReconcileInterval must be 0 (never) or a second or longer")]
    [InlineData(new[] { "--Picas:Url=https://couch.example.org/", "--Picas:MaxLogBytes=0" }, "Picas:MaxLogBytes must be between 1 and 16777216")]
    public async Task A_bad_setting_stops_the_server_saying_which(string[] settings, string message)
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => Support.RunningServer.StartAsync(settings));

        Assert.Contains(message, failure.ToString(), StringComparison.Ordinal);
    }
}
