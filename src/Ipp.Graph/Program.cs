using Ipp.Graph;
using Ipp.Graph.GraphQL;

// `schema export --output <file>` writes the served schema; anything else runs the server.
if (args is ["schema", "export", .. var options])
{
    return SchemaExportCommand.Run(options, Console.Out, Console.Error);
}

await IppGraphApp.Create(args).RunAsync();
return 0;
