using System.Text.Json;
using Ipp.Graph.Data;
using Ipp.Graph.Library.Entities;
using Ipp.Graph.Tests.Library.Inputs;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Tests.Picas.Experiments;

/// <summary>
/// An entry deleted while an experiment on an image is being created with it, on a real server: the deletion's
/// transaction (here held open by the test, as <c>LibraryEntryChanges.DeleteAsync</c> opens it: the owner's writers'
/// transaction, the entry's file rows deleted first) commits after the creation read the entry and before it records
/// the input, so the creation must find the file rows gone when it records, and be refused with nothing made: an input
/// that names a blob the deletion is about to delete would lose its bytes.
/// </summary>
public sealed class ImageExperimentInputRaceTests
{
    [Fact]
    public async Task An_entry_deleted_between_the_creations_read_and_its_record_refuses_the_creation_and_makes_nothing()
    {
        await using var pool = await TokenPoolServer.StartAsync("--Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command=Information");
        var maintainer = await pool.SignUpAsync("MAINTAINER");
        var owner = await pool.SignUpAsync("AI_RESEARCHER");
        var reader = await pool.SignUpAsync("AI_RESEARCHER");
        var image = await pool.CreateImageAsync(maintainer);
        var entry = await pool.UploadAsync(owner, "raced.txt", "going");
        await LibraryInputs.ShareAsync(pool.Server, owner, entry, reader);
        var entryKey = LibraryInputs.KeyOf(entry);
        var databases = pool.Server.Services.GetRequiredService<IDbContextFactory<IppDbContext>>();

        await using var deleting = await databases.CreateDbContextAsync();
        Task<JsonElement> created;
        await using (var transaction = await UserTransactions.BeginAsync(deleting, owner.Id, CancellationToken.None))
        {
            await deleting.Set<LibraryFile>().Where(f => f.EntryId == entryKey).ExecuteDeleteAsync();
            var before = pool.Server.Logs.Entries.Count;
            created = pool.CreateExperimentAsync(reader, image, new { text = "x" }, entry, draft: true);

            // The creation read the entry's files (the deletion is not committed): it holds them only when it records.
            while (!pool.Server.Logs.Entries.Skip(before).Any(e => e.Message.Contains("Executed DbCommand", StringComparison.Ordinal)
                && e.Message.Contains("library_files", StringComparison.Ordinal)))
            {
                Assert.False(created.IsCompleted, "The creation answered before it read the entry.");
                await Task.Delay(20);
            }

            await transaction.CommitAsync();
        }

        var payload = await created;

        var error = Assert.Single(payload.GetProperty("errors").EnumerateArray());
        Assert.Equal("INVALID_PARAMETERS", error.GetProperty("code").GetString());
        Assert.Equal("data", Assert.Single(error.GetProperty("problems").EnumerateArray()).GetProperty("field").GetString());
        await using var db = await databases.CreateDbContextAsync();
        Assert.False(await db.Experiments.AnyAsync(e => e.UserId == reader.Id));
        Assert.False(await db.ExperimentInputs.AnyAsync(i => i.LibraryEntryId == entryKey));
    }
}
