using Ipp.Graph.Health;

namespace Ipp.Graph.Picas;

/// <summary>
/// The configured token pool is set up and its database answers now (one request, no retry: the probe has its own
/// timeout). Registered only when <c>Picas:Url</c> is set.
/// </summary>
internal sealed class PicasReadiness(PicasPoolStatus status, CouchDbClient couch) : IReadinessCheck
{
    public string Name => "token-pool";

    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        if (!status.IsSetUp)
        {
            throw new InvalidOperationException("The token pool is not set up yet: " + (status.Failure ?? "the first attempt is running."));
        }

        var answer = await couch.DatabaseInfoAsync(cancellationToken, retry: false);
        if (!answer.IsOk)
        {
            throw new InvalidOperationException("The token pool's database does not answer: " + answer);
        }
    }
}
