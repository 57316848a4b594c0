using Ipp.Graph.Engine.Language;

namespace Ipp.Graph.Engine.Tests.Language;

public sealed class SourceTests
{
    [Theory]
    [InlineData("abc", 0, 1, 1)]
    [InlineData("abc", 2, 1, 3)]
    [InlineData("a\nbc", 2, 2, 1)]
    [InlineData("a\r\nbc", 3, 2, 1)]
    [InlineData("a\rbc", 3, 2, 2)]
    [InlineData("a\n\nb", 3, 3, 1)]
    public void Offsets_map_to_one_based_lines_and_columns(string body, int offset, int line, int column)
    {
        Assert.Equal(new SourceLocation(line, column), new Source(body).GetLocation(offset));
    }
}
