using Ipp.Graph.Engine.Types.Scalars;

namespace Ipp.Graph.Library.Upload;

/// <summary>The <c>UploadFilesInput</c> input type.</summary>
public sealed record UploadFilesInput(IReadOnlyList<LibraryFileUploadInput> Files);

/// <summary>The <c>LibraryFileUploadInput</c> input type: the multipart transport gives each file as an <see cref="Transport.Multipart.IStoredUpload"/>.</summary>
public sealed record LibraryFileUploadInput(IUploadedFile File, string? Path);
