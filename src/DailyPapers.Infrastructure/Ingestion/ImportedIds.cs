using System.Data.Common;

namespace DailyPapers.Infrastructure.Ingestion;

/// <summary>
/// The papers one import has stored, while they are all the store holds: the store had no papers when the import
/// began and no other writer has changed anything since (every write moves the change counter, so a counter other
/// than the one this import left means another writer). Until then a batch knows which of its ids exist without
/// asking the database; from then on it asks, as every other write does.
/// </summary>
public sealed class ImportedIds
{
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private long? _counterLeft;
    private bool _ended;

    /// <summary>Whether <see cref="StoredAmong"/> can answer for the batch in progress.</summary>
    public bool IsComplete => !_ended && _counterLeft is not null;

    /// <summary>Checks, under the batch's change-sequence lock, that the ids still describe the whole store.</summary>
    internal async Task BeginBatchAsync(DbConnection connection, DbTransaction transaction, long counter, CancellationToken cancellationToken)
    {
        if (_ended)
        {
            return;
        }

        if (_counterLeft is null)
        {
            // The first batch: only an empty store is known without asking.
            if (await PaperSql.AnyPapersAsync(connection, transaction, cancellationToken))
            {
                End();
                return;
            }

            _counterLeft = counter;
        }
        else if (_counterLeft != counter)
        {
            End();
        }
    }

    /// <summary>Which of <paramref name="ids"/> are stored, or null when the store must be asked.</summary>
    internal List<string>? StoredAmong(IEnumerable<string> ids) => IsComplete ? ids.Where(_ids.Contains).ToList() : null;

    /// <summary>Papers the batch in progress has inserted (visible to its later chunks before it commits).</summary>
    internal void Add(IEnumerable<string> ids)
    {
        if (IsComplete)
        {
            _ids.UnionWith(ids);
        }
    }

    internal void Committed(long counter)
    {
        if (IsComplete)
        {
            _counterLeft = counter;
        }
    }

    /// <summary>A batch that did not commit leaves ids in the set that are not stored: stop answering.</summary>
    internal void RolledBack() => End();

    private void End()
    {
        _ended = true;
        _ids.Clear();
    }
}
