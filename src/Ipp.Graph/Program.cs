using Ipp.Graph;
using Ipp.Graph.Accounts;
using Ipp.Graph.Applications;
using Ipp.Graph.Data;
using Ipp.Graph.Health;

// `schema export --output <file>` writes the served schema; `health` asks a running server's /health (the container's
// health check); `users grant-admin <email>` (and revoke-admin, list) manages accounts' roles; `database migrate`
// migrates the database and exits; anything else runs the server.
if (args is ["schema", "export", .. var options])
{
    return SchemaExportCommand.Run(options, Console.Out, Console.Error);
}

if (args is ["users", .. var usersArguments])
{
    return await UsersCommand.RunAsync(usersArguments, Console.Out, Console.Error);
}

if (args is ["database", .. var databaseArguments])
{
    return await DatabaseCommand.RunAsync(databaseArguments, Console.Error);
}

if (args is ["health", .. var healthOptions])
{
    return await HealthProbeCommand.RunAsync(healthOptions, Console.Out, Console.Error);
}

WebApplication app;
try
{
    app = IppGraphApp.Create(args);
}
catch (ApplicationCatalogException e)
{
    // A missing or broken catalogue is a setting to fix, not a crash: say what is wrong and stop.
    Console.Error.WriteLine(e.Message);
    return 1;
}

await app.RunAsync();
return 0;
