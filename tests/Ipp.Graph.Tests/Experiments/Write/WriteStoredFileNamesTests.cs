using System.Text;
using Ipp.Graph.Experiments.Write;

namespace Ipp.Graph.Tests.Experiments.Write;

/// <summary>How client file names become the names of files in an experiment's folder.</summary>
public sealed class WriteStoredFileNamesTests
{
    [Theory]
    [InlineData("scan.nii", "scan.nii")]
    [InlineData("../../x", "x")]
    [InlineData("..\\..\\x", "x")]
    [InlineData("C:\\Users\\ada\\report.pdf", "report.pdf")]
    [InlineData("/etc/passwd", "passwd")]
    [InlineData("dir/", "file")]
    [InlineData("", "file")]
    [InlineData(null, "file")]
    [InlineData(".", "file")]
    [InlineData("..", "file")]
    [InlineData("...", "file")]
    [InlineData(".hidden", ".hidden")]
    [InlineData("  spaced.txt  ", "spaced.txt")]
    [InlineData("trailing.", "trailing")]
    [InlineData("a\u0000b\nc\u007f.txt", "abc.txt")]
    [InlineData("\u202Egnp.exe", "gnp.exe")]
    [InlineData("what?<is>:this|\"*.txt", "what__is__this___.txt")]
    [InlineData("bad\ud800.txt", "bad.txt")]
    public void NamesAreReducedToSafeBaseNames(string? clientName, string expected) =>
        Assert.Equal(expected, StoredFileNames.SafeBaseName(clientName));

    [Fact]
    public void LongNamesAreCutToTwoHundredFiftyFiveBytesKeepingTheExtension()
    {
        var ascii = StoredFileNames.SafeBaseName(new string('a', 300) + ".nii.gz");
        Assert.Equal(new string('a', 248) + ".nii.gz", ascii);
        Assert.Equal(new string('a', 252) + ".gz", StoredFileNames.SafeBaseName(new string('a', 300) + ".gz"));

        // Two-byte characters are never cut in half.
        var accented = StoredFileNames.SafeBaseName(new string('\u00e9', 200) + ".txt");
        Assert.Equal(new string('\u00e9', 125) + ".txt", accented);
        Assert.Equal(254, Encoding.UTF8.GetByteCount(accented));
    }

    [Fact]
    public void ClashesGetANumberBeforeTheExtensionIgnoringCase()
    {
        var names = new StoredFileNames();

        Assert.Equal(
            ["a.txt", "A (2).TXT", "a (3).txt", "a (2) (2).txt", "experiment (2).json", "EXPERIMENT.JSON (2).tmp", "file", "file (2)", "x", "x (2)"],
            new[] { "a.txt", "A.TXT", "a.txt", "a (2).txt", "experiment.json", "EXPERIMENT.JSON.tmp", "", "..", "../x", "..\\x" }.Select(names.Reserve));
    }

    [Fact]
    public void ACompressedFileKeepsBothExtensionsWhenNumbered()
    {
        var names = new StoredFileNames();

        Assert.Equal(
            ["t1.nii.gz", "T1 (2).nii.gz", "notes.tar.gz", "notes (2).tar.gz"],
            new[] { "t1.nii.gz", "T1.nii.gz", "notes.tar.gz", "notes.tar.gz" }.Select(names.Reserve));
    }

    [Fact]
    public void ANumberedLongNameStillFits()
    {
        var names = new StoredFileNames();
        var longName = new string('b', 300) + ".nii";

        names.Reserve(longName);
        var second = names.Reserve(longName);

        Assert.Equal(new string('b', 247) + " (2).nii", second);
        Assert.Equal(255, Encoding.UTF8.GetByteCount(second));
    }
}
