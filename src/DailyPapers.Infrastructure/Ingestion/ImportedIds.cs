using System.Data.Common;

namespace DailyPapers.Infrastructure.Ingestion;

/// <summary>
/// The papers one import has stored, while they are all the store holds: the store had no papers when the import
/// began and no other writer has changed anything since (every write moves the change counter, so a counter other
/// than the one this import left means another writer). Until then a batch knows which of its ids exist without
/// asking the database; from then on it asks, as every other write does.
/// </summary>
/// <remarks>
/// New-style ids are kept as one bit each in a bitmap per month (12.5 KB for a month of five-digit numbers), so
/// the memory grows with the months an import covers, not its papers: at all of arXiv (2.7 million ids over 237
/// months, about 3 MB) a set of the id strings grew the import's peak RSS from ~300 to 436 MB. Old-style ids
/// (before April 2007) stay strings.
/// </remarks>
public sealed class ImportedIds
{
    // Keyed by YYMM·2 (+1 for five-digit numbers).
    private readonly Dictionary<int, ulong[]> _months = [];
    private readonly HashSet<string> _others = new(StringComparer.Ordinal);
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
    internal List<string>? StoredAmong(IEnumerable<string> ids) => IsComplete ? ids.Where(Contains).ToList() : null;

    /// <summary>Papers the batch in progress has inserted (visible to its later chunks before it commits).</summary>
    internal void Add(IEnumerable<string> ids)
    {
        if (!IsComplete)
        {
            return;
        }

        foreach (var id in ids)
        {
            if (TryPack(id, out var month, out var number))
            {
                if (!_months.TryGetValue(month, out var bits))
                {
                    _months[month] = bits = new ulong[((month % 2 == 1 ? 100_000 : 10_000) + 63) / 64];
                }

                bits[number >> 6] |= 1UL << (number & 63);
            }
            else
            {
                _others.Add(id);
            }
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

    /// <summary>"YYMM.NNNN" as month YYMM·2 and number NNNN; "YYMM.NNNNN" as month YYMM·2 + 1 and number NNNNN.</summary>
    internal static bool TryPack(string id, out int month, out int number)
    {
        month = number = 0;
        if (id.Length is not (9 or 10) || id[4] != '.')
        {
            return false;
        }

        for (var i = 0; i < id.Length; i++)
        {
            if (i == 4)
            {
                continue;
            }

            if (!char.IsAsciiDigit(id[i]))
            {
                return false;
            }

            if (i < 4)
            {
                month = (month * 10) + (id[i] - '0');
            }
            else
            {
                number = (number * 10) + (id[i] - '0');
            }
        }

        month = (month * 2) + (id.Length - 9);
        return true;
    }

    private bool Contains(string id) => TryPack(id, out var month, out var number)
        ? _months.TryGetValue(month, out var bits) && (bits[number >> 6] & (1UL << (number & 63))) != 0
        : _others.Contains(id);

    private void End()
    {
        _ended = true;
        _months.Clear();
        _others.Clear();
    }
}
