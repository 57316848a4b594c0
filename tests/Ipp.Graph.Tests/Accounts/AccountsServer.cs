using Ipp.Graph.Tests.Support;

namespace Ipp.Graph.Tests.Accounts;

/// <summary>
/// Starts the real server for accounts tests: bcrypt at its lowest cost (4) so tests stay quick, and a rate limit
/// high enough not to get in the way, unless <paramref name="settings"/> say otherwise.
/// </summary>
public static class AccountsServer
{
    public static Task<RunningServer> StartAsync(params string[] settings) => StartAsync(null, settings);

    public static Task<RunningServer> StartAsync(SettableClock? clock, params string[] settings) =>
        RunningServer.StartAsync(
            builder => clock?.Install(builder),
            ["--Accounts:BcryptCost=4", "--Accounts:RateLimit:PermitLimit=1000", .. settings]);
}
