using Ipp.Graph.Tests.Support;
using Ipp.Graph.Tests.Telemetry;
using static Ipp.Graph.Tests.Library.LibraryUploads;

namespace Ipp.Graph.Tests.Library.Upload;

/// <summary>
/// The upload across two server processes on one PostgreSQL database and one blob folder: an entry uploaded through
/// one instance is announced to its owner listening on the other (PostgreSQL's NOTIFY), and to no other listener there.
/// </summary>
public sealed class LibraryUploadInstancesTests : TwoInstances
{
    [PostgreSqlFact]
    public async Task An_entry_uploaded_through_one_instance_is_announced_to_its_owner_on_the_other_only()
    {
        using var a = A.CreateClient();
        using var b = B.CreateClient();
        var owner = await EngineerAsync(a, "owner@example.org");
        var stranger = await EngineerAsync(a, "stranger@example.org");
        await using var ownerStream = await LibraryEntryStoredTests.StoredStream.OpenAsync(B.CreateClient(), owner);
        await using var strangerStream = await LibraryEntryStoredTests.StoredStream.OpenAsync(B.CreateClient(), stranger);
        await PrometheusScrape.WaitUntilAsync(b, scrape => scrape.Series("ipp_graphql_active_subscriptions").Sum(series => series.Value) == 2);

        var stored = Assert.Single(Entries(await UploadAsync(a, owner, FilePart.Text("scan.nii", "bytes"))));

        Assert.Equal(stored.GetProperty("id").GetString(), (await ownerStream.NextAsync()).GetProperty("id").GetString());
        Assert.Single(Entries(await UploadAsync(a, stranger, FilePart.Text("theirs.txt", "x"))));
        Assert.Equal("theirs.txt", (await strangerStream.NextAsync()).GetProperty("name").GetString());
    }

    protected override string[] Settings =>
    [
        $"--Storage:Local:Path={Path.Combine(Folder, "blobs")}",
        // Its scrape tells when a subscriber's subscription is live.
        "--Telemetry:Prometheus:Enabled=true",
    ];

    /// <summary>A new user holding DATA_ENGINEER, signed in through <paramref name="client"/>; their token.</summary>
    private async Task<string> EngineerAsync(HttpClient client, string email)
    {
        const string Password = "correct horse battery";
        var created = await PostAsync(client, "mutation($email: String!, $password: String!) { createUser(input: {email: $email, password: $password}) { user { id } } }", new { email, password = Password }, null);
        Assert.True(Ipp.Graph.GraphQL.GlobalId.TryDecode(created.GetProperty("data").GetProperty("createUser").GetProperty("user").GetProperty("id").GetString()!, "User", out var id));
        await Database.ExecuteAsync("INSERT INTO user_roles (user_id, role) VALUES (@id, 'DATA_ENGINEER')", ("@id", id));
        var signedIn = await PostAsync(client, "mutation($email: String!, $password: String!) { authenticate(input: {email: $email, password: $password}) { token } }", new { email, password = Password }, null);
        return signedIn.GetProperty("data").GetProperty("authenticate").GetProperty("token").GetString()!;
    }
}
