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

        var sdl = ContractSchema.Print(ContractSchema.Build());
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
