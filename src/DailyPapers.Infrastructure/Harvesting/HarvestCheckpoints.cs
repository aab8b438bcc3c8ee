using System.Globalization;
using System.Text.Json;
using DailyPapers.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Infrastructure.Harvesting;

/// <summary>
/// What harvesting remembers in <c>sync_states</c> across restarts, per OAI-PMH set: the datestamp the next
/// incremental harvest starts from, and the resumption token of a list that a failed run left unfinished.
/// </summary>
public sealed class HarvestCheckpoints(StoreContextFactory store, TimeProvider clock)
{
    public static string DatestampKey(string set) => $"oai-pmh:{set}:datestamp";

    public static string ResumptionKey(string set) => $"oai-pmh:{set}:resumption";

    public async Task<DateOnly?> GetDatestampAsync(string set, CancellationToken cancellationToken)
    {
        var value = await ReadAsync(DatestampKey(set), cancellationToken);
        return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
    }

    public Task SetDatestampAsync(string set, DateOnly day, CancellationToken cancellationToken) =>
        WriteAsync(DatestampKey(set), day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), cancellationToken);

    public async Task<OaiPmhCheckpoint?> GetResumptionAsync(string set, CancellationToken cancellationToken)
    {
        var value = await ReadAsync(ResumptionKey(set), cancellationToken);
        try
        {
            return value is null ? null : JsonSerializer.Deserialize<OaiPmhCheckpoint>(value);
        }
        catch (JsonException)
        {
            // A checkpoint from another version of this code: the remembered datestamp still covers the gap.
            return null;
        }
    }

    public Task SaveResumptionAsync(OaiPmhCheckpoint checkpoint, CancellationToken cancellationToken) =>
        WriteAsync(ResumptionKey(checkpoint.Set), JsonSerializer.Serialize(checkpoint), cancellationToken);

    public async Task ClearResumptionAsync(string set, CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        var key = ResumptionKey(set);
        await context.SyncStates.Where(s => s.Key == key).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task<string?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        return await context.SyncStates.AsNoTracking().Where(s => s.Key == key).Select(s => s.Value).FirstOrDefaultAsync(cancellationToken);
    }

    private async Task WriteAsync(string key, string value, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var context = store.CreateContext();
            var row = await context.SyncStates.FirstOrDefaultAsync(s => s.Key == key, cancellationToken);
            if (row is null)
            {
                row = new SyncStateEntity { Key = key };
                context.SyncStates.Add(row);
            }

            row.Value = value;
            row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            try
            {
                await context.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException) when (attempt == 1)
            {
                // Another process (the CLI beside the web host) inserted the same key first; update its row instead.
            }
        }
    }
}
