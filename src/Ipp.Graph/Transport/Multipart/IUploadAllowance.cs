using System.Security.Claims;
using Ipp.Graph.Engine.Error;

namespace Ipp.Graph.Transport.Multipart;

/// <summary>
/// How many bytes of files a caller may still upload (the per-user quota), asked by the multipart transport before
/// it stores a request's files, so that it refuses the request as soon as the bytes that arrived exceed it. The
/// feature that keeps the files implements it; it checks again, atomically, when it keeps them.
/// </summary>
public interface IUploadAllowance
{
    /// <summary>The bytes <paramref name="caller"/> may still upload, or a refusal (an anonymous caller, say).</summary>
    ValueTask<UploadAllowance> GetAsync(ClaimsPrincipal caller, CancellationToken cancellationToken);
}

/// <summary>What a caller may upload: <see cref="RemainingBytes"/> more bytes, unless <see cref="Refusal"/> says no.</summary>
public readonly record struct UploadAllowance(long RemainingBytes, GraphQLError? Refusal = null);
