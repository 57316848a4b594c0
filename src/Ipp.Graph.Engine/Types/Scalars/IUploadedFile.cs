namespace Ipp.Graph.Engine.Types.Scalars;

/// <summary>
/// A file sent with a GraphQL multipart request (https://github.com/jaydenseric/graphql-multipart-request-spec).
/// The HTTP transport supplies these as the values of <c>Upload</c> variables; resolvers read them.
/// </summary>
public interface IUploadedFile
{
    /// <summary>The file name the client gave.</summary>
    string FileName { get; }

    /// <summary>The media type the client gave, if any.</summary>
    string? ContentType { get; }

    /// <summary>The size in bytes, when the transport knows it.</summary>
    long? Length { get; }

    /// <summary>Opens the file's content for reading; the caller disposes the stream.</summary>
    Stream OpenReadStream();
}
