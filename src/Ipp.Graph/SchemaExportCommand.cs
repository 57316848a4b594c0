using Ipp.Graph.Authorization;

namespace Ipp.Graph;

/// <summary><c>schema export [--output file]</c>: writes the served schema as SDL (to standard output without --output).</summary>
public static class SchemaExportCommand
{
    public static int Run(IReadOnlyList<string> options, TextWriter output, TextWriter errors)
    {
        string? path = null;
        for (var i = 0; i < options.Count; i++)
        {
            if (options[i] is "--output" or "-o" && i + 1 < options.Count)
            {
                path = options[++i];
            }
            else
            {
                errors.WriteLine($"Unknown option \"{options[i]}\". Usage: schema export [--output <file>]");
                return 2;
            }
        }

        // The rules printed are the SDL's; the table deciding them does not show in it.
        var sdl = ContractSchema.Print(ContractSchema.Build(new AccessPolicy(PermissionTable.Default)));
        if (path is null)
        {
            output.Write(sdl);
        }
        else
        {
            File.WriteAllText(path, sdl);
            output.WriteLine($"Wrote the schema to {Path.GetFullPath(path)}.");
        }

        return 0;
    }
}
