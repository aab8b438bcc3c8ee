using System.Globalization;
using DailyPapers.Infrastructure.Storage;

namespace DailyPapers.Infrastructure.Papers;

/// <summary>
/// The store's change counter (<c>store_counters.paper_changes</c>, bumped by every write to a paper or listing,
/// from any process) as last read, re-read at most once per <see cref="MaxAge"/>: what caches key on, so that a CLI
/// import or another web node is seen within about a second without a query per request.
/// </summary>
public sealed class StoreVersion(StoreContextFactory store, TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private Task<Reading>? _reading;
    private long _changedAt = long.MinValue;

    /// <summary>
    /// This process has just committed a change: the next caller reads the counter again, so a reader sees their own
    /// vote or comment at once (other nodes see it within <see cref="MaxAge"/>).
    /// </summary>
    public void Changed() => Interlocked.Exchange(ref _changedAt, clock.GetTimestamp());

    /// <summary>The counter, read no earlier than <see cref="MaxAge"/> ago; throws when the store cannot be read.</summary>
    public async ValueTask<long> CurrentAsync(CancellationToken cancellationToken)
    {
        var reading = Volatile.Read(ref _reading);
        if (reading is { IsCompletedSuccessfully: true } && IsFresh(reading.Result))
        {
            return reading.Result.Value;
        }

        TaskCompletionSource<Reading>? mine = null;
        lock (_gate)
        {
            reading = _reading;
            // A read in flight is shared; a finished one is replaced when it is stale or failed.
            if (reading is null || (reading.IsCompleted && (!reading.IsCompletedSuccessfully || !IsFresh(reading.Result))))
            {
                mine = new TaskCompletionSource<Reading>(TaskCreationOptions.RunContinuationsAsynchronously);
                _reading = reading = mine.Task;
            }
        }

        if (mine is not null)
        {
            // Not the caller's token: other requests wait on this read too.
            try
            {
                mine.SetResult(await ReadAsync());
            }
            catch (Exception e)
            {
                mine.SetException(e);
            }
        }

        return (await reading.WaitAsync(cancellationToken)).Value;
    }

    private bool IsFresh(Reading reading) =>
        reading.StartedAt > Interlocked.Read(ref _changedAt) && clock.GetElapsedTime(reading.StartedAt) < MaxAge;

    private async Task<Reading> ReadAsync()
    {
        // Stamped before the query, so a value is never taken for newer than it is.
        var startedAt = clock.GetTimestamp();
        await using var connection = await ReadConnection.OpenAsync(store, CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM store_counters WHERE name = @name";
        command.AddParameter("@name", StoreCounterEntity.PaperChanges);
        var value = await command.ExecuteScalarAsync();
        return new Reading(value is null or DBNull ? 0 : Convert.ToInt64(value, CultureInfo.InvariantCulture), startedAt);
    }

    private sealed record Reading(long Value, long StartedAt);
}
