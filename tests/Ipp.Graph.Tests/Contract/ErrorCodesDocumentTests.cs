using System.Reflection;
using System.Text.RegularExpressions;
using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Tests.Support;
using Ipp.Graph.GraphQL;
using Ipp.Graph.Transport.WebSockets;

namespace Ipp.Graph.Tests.Contract;

/// <summary>
/// docs/errors.md lists every code a client can meet, once: the engine's (<see cref="ErrorCodes"/>), the server's
/// (the request kernel's <see cref="ServerErrorCodes"/> and each feature's <c>…ErrorCodes</c> class) and the WebSocket
/// close codes (<see cref="CloseCodes"/>); and the code base gives no code but through those constants.
/// </summary>
public sealed partial class ErrorCodesDocumentTests
{
    private static readonly Lazy<string[]> Document = new(() => File.ReadAllLines(RepositoryPaths.Combine("docs", "errors.md")));

    [Fact]
    public void The_page_lists_each_code_of_the_engine_and_the_server_once()
    {
        var listed = Document.Value.Select(line => CodeRow().Match(line)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();
        var defined = Constants<string>(typeof(ErrorCodes)).Concat(ServerCodes()).ToList();

        Assert.Equal(listed.Distinct().Count(), listed.Count);
        Assert.Equal(defined.Distinct().Count(), defined.Count);
        Assert.Equal(defined.Order(), listed.Order());
    }

    [Fact]
    public void The_page_lists_each_WebSocket_close_code_once()
    {
        var listed = Document.Value.Select(line => CloseCodeRow().Match(line)).Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var defined = Constants<int>(typeof(CloseCodes)).Where(code => code is >= 4000 and < 5000).ToList();

        Assert.Equal(defined.Order(), listed.Order());
    }

    [Fact]
    public void No_code_is_written_but_through_the_constants()
    {
        var literal = new Regex("code: \"|Code = \"|Code => \"");
        var offenders = Directory.EnumerateFiles(RepositoryPaths.Combine("src"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(path => literal.IsMatch(File.ReadAllText(path)))
            .ToList();

        Assert.Empty(offenders);
    }

    /// <summary>The codes of the server's features and of its request kernel: every <c>…ErrorCodes</c> class of the server.</summary>
    internal static IEnumerable<string> ServerCodes() =>
        typeof(IppGraphApp).Assembly.GetTypes()
            .Where(type => type.IsAbstract && type.IsSealed && type.Name.EndsWith("ErrorCodes", StringComparison.Ordinal))
            .SelectMany(Constants<string>);

    private static IEnumerable<T> Constants<T>(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(field => field.IsLiteral && field.FieldType == typeof(T))
            .Select(field => (T)field.GetRawConstantValue()!);

    [GeneratedRegex(@"^\| `([A-Z0-9_]+)` \|")]
    private static partial Regex CodeRow();

    [GeneratedRegex(@"^\| (4\d{3}) \|")]
    private static partial Regex CloseCodeRow();
}
