using Ipp.Graph.Storage.Blobs;
using Ipp.Graph.Tests.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace Ipp.Graph.Tests.Storage.Blobs;

/// <summary>The <c>Storage</c> settings on the real server: checked at start, and the store they name is the one it uses.</summary>
public sealed class BlobStoreSettingsTests
{
    [Theory]
    [InlineData(new[] { "--Storage:Provider=Ftp" }, "Storage:Provider")]
    [InlineData(new[] { "--Storage:Provider=Local", "--Storage:Local:Path=" }, "Storage:Local:Path must name a folder")]
    [InlineData(new[] { "--Storage:Provider=WebDav" }, "Storage:WebDav:BaseUrl must be the absolute http or https address")]
    [InlineData(new[] { "--Storage:Provider=WebDav", "--Storage:WebDav:BaseUrl=ftp://dcache.example.org/ipp/" }, "Storage:WebDav:BaseUrl must be")]
    [InlineData(new[] { "--Storage:Provider=WebDav", "--Storage:WebDav:BaseUrl=https://dcache.example.org/ipp/", "--Storage:WebDav:UserName=u" }, "Storage:WebDav:UserName and Storage:WebDav:Password go together")]
    [InlineData(new[] { "--Storage:Provider=WebDav", "--Storage:WebDav:BaseUrl=https://dcache.example.org/ipp/", "--Storage:WebDav:UserName=u", "--Storage:WebDav:Password=p", "--Storage:WebDav:BearerToken=t" }, "not both")]
    [InlineData(new[] { "--Storage:Provider=WebDav", "--Storage:WebDav:BaseUrl=https://dcache.example.org/ipp/", "--Storage:WebDav:IdleTimeout=00:00:00" }, "Storage:WebDav:ConnectTimeout and Storage:WebDav:IdleTimeout must be longer than 0")]
    [InlineData(new[] { "--Storage:Provider=WebDav", "--Storage:WebDav:BaseUrl=https://dcache.example.org/ipp/", "--Storage:WebDav:Retries=11" }, "Storage:WebDav:Retries must be between 0 and 10")]
    [InlineData(new[] { "--Storage:Provider=WebDav", "--Storage:WebDav:BaseUrl=http://dcache.example.org/ipp/", "--Storage:WebDav:BearerToken=macaroon" }, "would send the password or bearer token unencrypted")]
    [InlineData(new[] { "--Storage:Provider=WebDav", "--Storage:WebDav:BaseUrl=http://dcache.example.org/ipp/", "--Storage:WebDav:UserName=u", "--Storage:WebDav:Password=p" }, "Storage:WebDav:AllowUnencryptedCredentials=true")]
    public async Task A_bad_setting_stops_the_server_saying_which(string[] settings, string message)
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => AccountsServer.StartAsync(settings));

        Assert.Contains(message, failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_server_uses_a_local_folder_by_default_and_the_WebDav_server_it_is_given()
    {
        var folder = Directory.CreateTempSubdirectory("ipp-blobs-settings-").FullName;
        try
        {
            await using (var local = await AccountsServer.StartAsync($"--Storage:Local:Path={folder}"))
            {
                Assert.Equal(folder, Assert.IsType<LocalBlobStore>(local.Services.GetRequiredService<IBlobStore>()).Root);
            }

            await using (var webDav = await AccountsServer.StartAsync(
                "--Storage:Provider=WebDav", "--Storage:WebDav:BaseUrl=https://dcache.example.org/ipp/", "--Storage:WebDav:BearerToken=macaroon"))
            {
                Assert.IsType<WebDavBlobStore>(webDav.Services.GetRequiredService<IBlobStore>());
            }

            // Plain http with credentials: to this machine, or where the operator says the network is trusted.
            await using (await AccountsServer.StartAsync(
                "--Storage:Provider=WebDav", "--Storage:WebDav:BaseUrl=http://127.0.0.1:9/ipp/", "--Storage:WebDav:UserName=u", "--Storage:WebDav:Password=p"))
            {
            }

            await using (await AccountsServer.StartAsync(
                "--Storage:Provider=WebDav", "--Storage:WebDav:BaseUrl=http://dcache.internal/ipp/", "--Storage:WebDav:BearerToken=t", "--Storage:WebDav:AllowUnencryptedCredentials=true"))
            {
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
