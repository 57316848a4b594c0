using System.Text;
using Ipp.Graph.Transport.Multipart;
using static Ipp.Graph.Tests.Transport.Multipart.MultipartRequests;

namespace Ipp.Graph.Tests.Transport.Multipart;

/// <summary>
/// Malformed multipart requests: each is a 400 with code UPLOAD_INVALID and a message that says what is wrong,
/// never a 500; the server logs no error and keeps no file in the incoming folder.
/// </summary>
public sealed class MultipartBadInputTests(UploadServerFixture fixture) : IClassFixture<UploadServerFixture>
{
    private static readonly Part Operations1 = Part.Json("operations", Operations());
    private static readonly Part Map1 = Part.Json("map", Map());
    private static readonly Part File0 = Part.File("0", 2000);

    private static readonly Dictionary<string, (byte[] Body, string ContentType, string Message)> Corpus = new()
    {
        ["no boundary"] = (Body(Valid()), "multipart/form-data",
            "The multipart/form-data Content-Type needs a boundary parameter of 1 to 70 characters."),
        ["boundary over 70 characters"] = (Body(Valid()), "multipart/form-data; boundary=" + new string('b', 71),
            "The multipart/form-data Content-Type needs a boundary parameter of 1 to 70 characters."),
        ["empty body"] = ([], ContentType,
            "The multipart body is malformed: "),
        ["not multipart at all"] = ("{\"query\":\"{ __typename }\"}"u8.ToArray(), ContentType,
            "The multipart body is malformed: "),
        ["no operations: map first"] = (Body([Map1, Operations1, File0]), ContentType,
            "The first part of a multipart request must be \"operations\", but it is \"map\"."),
        ["only the closing boundary"] = (Encoding.UTF8.GetBytes($"--{Boundary}--\r\n"), ContentType,
            "The first part of a multipart request must be \"operations\", but the body ends there."),
        ["no map"] = (Body([Operations1, File0]), ContentType,
            "The second part of a multipart request must be \"map\", but it is \"0\"."),
        ["nothing after operations"] = (Body([Operations1]), ContentType,
            "The second part of a multipart request must be \"map\", but the body ends there."),
        ["operations not JSON"] = (Body([Part.Json("operations", "{query: 1}"), Map1, File0]), ContentType,
            "The \"operations\" part is not valid JSON: "),
        ["operations not UTF-8"] = (Body([new Part("operations", null, [0x7B, 0xFF, 0x7D]), Map1, File0]), ContentType,
            "The \"operations\" part is not valid UTF-8."),
        ["operations a batch"] = (Body([Part.Json("operations", "[" + Operations() + "]"), Part.Json("map", """{"0":["0.variables.input.files.0.file"]}"""), File0]), ContentType,
            "The \"operations\" part is a batch (an array): send one operation per multipart request."),
        ["operations without a query"] = (Body([Part.Json("operations", """{"variables":{"f":null}}"""), Part.Json("map", """{"0":["variables.f"]}"""), File0]), ContentType,
            "The \"operations\" part is not a GraphQL request: The request has no \"query\" parameter: it must hold the GraphQL document as a string."),
        ["map not JSON"] = (Body([Operations1, Part.Json("map", "{\"0\":[variables.input.files.0.file]}"), File0]), ContentType,
            "The \"map\" part is not valid JSON: "),
        ["operations with a lone surrogate in a member name"] = (Body([Part.Json("operations", Operations().Replace("\"name\":", "\"\\udc00\":")), Map1, File0]), ContentType,
            "The \"operations\" part is not valid JSON: the escape \\udc00 at byte "),
        ["operations with a lone surrogate in a value"] = (Body([Part.Json("operations", Operations().Replace("upload test", "upload \\ud800 test")), Map1, File0]), ContentType,
            "The \"operations\" part is not valid JSON: the escape \\ud800 at byte "),
        ["map with a lone surrogate in a file name"] = (Body([Operations1, Part.Json("map", """{"\udc00":["variables.input.files.0.file"]}"""), File0]), ContentType,
            "The \"map\" part is not valid JSON: the escape \\udc00 at byte 2 is a lone surrogate, which is no character."),
        ["map with a lone surrogate in a path"] = (Body([Operations1, Part.Json("map", """{"0":["variables.input.files.0.\udfff"]}"""), File0]), ContentType,
            "The \"map\" part is not valid JSON: the escape \\udfff at byte 31 is a lone surrogate, which is no character."),
        ["map an array"] = (Body([Operations1, Part.Json("map", "[\"variables.input.files.0.file\"]"), File0]), ContentType,
            "The \"map\" part must be a JSON object (file part name to paths), not an array."),
        ["map entry a string"] = (Body([Operations1, Part.Json("map", """{"0":"variables.input.files.0.file"}"""), File0]), ContentType,
            "The \"map\" entry \"0\" must be a non-empty array of paths (strings) such as \"variables.file\"."),
        ["map entry of numbers"] = (Body([Operations1, Part.Json("map", """{"0":[1]}"""), File0]), ContentType,
            "The \"map\" entry \"0\" must hold paths (strings), not a number."),
        ["map with duplicate names"] = (Body([Operations1, Part.Json("map", """{"0":["variables.input.files.0.file"],"0":["variables.input.files.0.file"]}"""), File0]), ContentType,
            "The \"map\" part is not valid JSON: "),
        ["map path at a non-null"] = (Body([Operations1, Part.Json("map", """{"0":["variables.input.name"]}"""), File0]), ContentType,
            "The \"map\" path \"variables.input.name\" for the file \"0\" does not point at a null in the variables."),
        ["map path at a missing member"] = (Body([Operations1, Part.Json("map", """{"0":["variables.input.avatar"]}"""), File0]), ContentType,
            "The \"map\" path \"variables.input.avatar\" for the file \"0\" names \"avatar\", which the variables do not hold."),
        ["map path past a list's end"] = (Body([Operations1, Part.Json("map", """{"0":["variables.input.files.1.file"]}"""), File0]), ContentType,
            "The \"map\" path \"variables.input.files.1.file\" for the file \"0\" names \"1\", which is not an index of the list there."),
        ["map path through a string"] = (Body([Operations1, Part.Json("map", """{"0":["variables.input.name.first"]}"""), File0]), ContentType,
            "The \"map\" path \"variables.input.name.first\" for the file \"0\" leads through a value that is neither an object nor a list."),
        ["map path outside variables"] = (Body([Operations1, Part.Json("map", """{"0":["query"]}"""), File0]), ContentType,
            "The \"map\" path \"query\" for the file \"0\" must start with \"variables.\" (one operation per request)."),
        ["two files at one path"] = (Body([Operations1, Part.Json("map", """{"0":["variables.input.files.0.file"],"1":["variables.input.files.0.file"]}"""), File0, Part.File("1", 10)]), ContentType,
            "The \"map\" path \"variables.input.files.0.file\" for the file \"1\" does not point at a null in the variables."),
        ["map names a file that never comes"] = (Body([Operations1, Map1]), ContentType,
            "The \"map\" names the file \"0\", but no part of that name came."),
        ["a file part the map does not name"] = (Body([Operations1, Map1, File0, Part.File("1", 10)]), ContentType,
            "The part \"1\" is a file the \"map\" does not name."),
        ["a file part given twice"] = (Body([Operations1, Map1, File0, File0]), ContentType,
            "The file part \"0\" is given twice."),
        ["operations given twice"] = (Body([Operations1, Map1, File0, Operations1]), ContentType,
            "The \"operations\" part is given twice."),
        ["no closing boundary"] = (Body(Valid(), close: false), ContentType,
            "The multipart body is malformed: "),
        ["body cut in the middle of a file"] = (Body(Valid(length: 100_000))[..60_000], ContentType,
            "The multipart body is malformed: "),
        ["a part without a name"] = (Encoding.UTF8.GetBytes($"--{Boundary}\r\nContent-Type: application/json\r\n\r\n{{}}\r\n--{Boundary}--\r\n"), ContentType,
            "The first part of a multipart request must be \"operations\", but it has no name."),
        ["headers too long"] = (Encoding.UTF8.GetBytes($"--{Boundary}\r\nContent-Disposition: form-data; name=\"operations\"\r\nX-Pad: {new string('x', 40_000)}\r\n\r\n{{}}\r\n--{Boundary}--\r\n"), ContentType,
            "The multipart body is malformed: "),
    };

    public static TheoryData<string> Cases => new(Corpus.Keys);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Is_refused_with_400_and_upload_invalid(string name)
    {
        var (body, contentType, message) = Corpus[name];

        var answer = await fixture.Client.PostMultipartAsync(body, fixture.Token, contentType);

        Assert.True(answer.Status == 400, answer.ToString());
        answer.AssertErrorBody(UploadErrorCodes.UploadInvalid);
        Assert.Equal("close", answer.Header("Connection"));
        if (message.EndsWith(": ", StringComparison.Ordinal))
        {
            Assert.StartsWith(message, answer.ErrorMessage);
        }
        else if (message.EndsWith(" at byte ", StringComparison.Ordinal))
        {
            Assert.Matches("^" + System.Text.RegularExpressions.Regex.Escape(message) + "[0-9]+ is a lone surrogate, which is no character\\.$", answer.ErrorMessage);
        }
        else
        {
            Assert.Equal(message, answer.ErrorMessage);
        }

        Assert.Empty(Directory.EnumerateFileSystemEntries(fixture.Server.IncomingPath()));
        Assert.Empty(fixture.Server.Logs.Errors);
    }
}
