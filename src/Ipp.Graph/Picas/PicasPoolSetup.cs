namespace Ipp.Graph.Picas;

/// <summary>
/// Makes what the pool needs when it is missing: the database, and the <see cref="MonitorDesignDocument"/> the
/// client's pilots claim tokens through. What is there already is left alone (a design document an operator changed
/// stays as it is); two instances setting up at once both succeed, the second finding what the first made.
/// </summary>
public sealed partial class PicasPoolSetup(CouchDbClient couch, ILogger<PicasPoolSetup> logger)
{
    /// <summary>Sets the pool up; the first failure ends it (the caller tries again later).</summary>
    public async Task<CouchResult<bool>> RunAsync(CancellationToken cancellationToken)
    {
        var database = await couch.DatabaseInfoAsync(cancellationToken);
        if (database.Outcome == CouchOutcome.NotFound)
        {
            var created = await couch.CreateDatabaseAsync(cancellationToken);
            if (!created.IsOk)
            {
                return created;
            }

            if (created.Value)
            {
                DatabaseCreated(logger);
            }
        }
        else if (!database.IsOk)
        {
            return database.As<bool>();
        }

        var design = await couch.GetDocumentAsync(MonitorDesignDocument.Id, cancellationToken);
        if (design.IsOk)
        {
            return CouchResult<bool>.Ok(false);
        }

        if (design.Outcome != CouchOutcome.NotFound)
        {
            return design.As<bool>();
        }

        var written = await couch.PutDocumentAsync(MonitorDesignDocument.Id, MonitorDesignDocument.Create(), cancellationToken);
        if (written.Outcome == CouchOutcome.Conflict)
        {
            // Another instance made it meanwhile.
            return CouchResult<bool>.Ok(false);
        }

        if (!written.IsOk)
        {
            return written.As<bool>();
        }

        DesignDocumentCreated(logger, MonitorDesignDocument.Id);
        return CouchResult<bool>.Ok(true);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The token pool's database was missing and is created.")]
    private static partial void DatabaseCreated(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "The token pool's design document {Id} was missing and is created with the views todo, locked, done, error and overview_total.")]
    private static partial void DesignDocumentCreated(ILogger logger, string id);
}
