using System.Data;
using System.Data.Common;
using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Infrastructure.Ingestion;

/// <summary>
/// One batch of a write: one transaction that holds the change-sequence lock from its start to its commit, written
/// in any number of chunks. Each chunk is merged against the rows as stored, which includes what earlier chunks of
/// the same batch wrote, so an import need not keep a whole batch in memory until its commit.
/// </summary>
public sealed class PaperBatch : IAsyncDisposable
{
    private readonly DailyPapersDbContext _context;
    private readonly DbTransaction _transaction;
    private readonly ImportedIds? _imported;
    private readonly DateTime _now;

    // The counter when the batch began: a stored row numbered above it was written by this batch, and keeps its number.
    private readonly long _sequenceAtStart;
    private long _sequence;
    private bool _committed;
    private IUpsertStatement? _paperUpsert;
    private IUpsertStatement? _listingUpsert;

    private PaperBatch(DailyPapersDbContext context, DbTransaction transaction, long sequence, DateTime now, ImportedIds? imported)
    {
        _context = context;
        _transaction = transaction;
        _sequenceAtStart = _sequence = sequence;
        _now = now;
        _imported = imported;
    }

    private DbConnection Connection => _transaction.Connection!;

    internal static async Task<PaperBatch> BeginAsync(
        StoreContextFactory store, TimeProvider clock, ImportedIds? imported, CancellationToken cancellationToken)
    {
        var context = store.CreateContext();
        DbTransaction? transaction = null;
        try
        {
            var connection = context.Database.GetDbConnection();
            await context.Database.OpenConnectionAsync(cancellationToken);
            transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);

            // Taking the counter row first serialises writers (row lock on PostgreSQL, write lock on SQLite) before
            // anything is read, so the existence checks below cannot race another importer.
            var sequence = await LockChangeSequenceAsync(connection, transaction, cancellationToken);
            context.Database.UseTransaction(transaction);
            if (imported is not null)
            {
                await imported.BeginBatchAsync(connection, transaction, sequence, cancellationToken);
            }

            return new PaperBatch(context, transaction, sequence, clock.GetUtcNow().UtcDateTime, imported);
        }
        catch
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }

            await context.DisposeAsync();
            throw;
        }
    }

    /// <summary>Writes items into the batch and returns the outcome of each, in order (rejections are not passed here).</summary>
    /// <summary>Papers added or changed in this batch so far: counted as written once it commits.</summary>
    private long _written;

    public async Task<IReadOnlyList<ImportOutcome>> WriteAsync(IReadOnlyList<SourceItem> items, CancellationToken cancellationToken)
    {
        var ids = items.Select(IdOf).Distinct().ToList();

        // Most rows of a first import are new: ask cheaply which ids exist, and load only those rows.
        var known = _imported?.StoredAmong(ids)
            ?? await PaperSql.ExistingIdsAsync(Connection, _transaction, _context.Provider, ids, cancellationToken);
        var existing = known.Count == 0
            ? []
            : await PaperSql.PapersById(_context, known).AsNoTracking().ToDictionaryAsync(p => p.Id, cancellationToken);
        var existingListings = known.Count == 0
            ? []
            : (await PaperSql.ListingsByPaperId(_context, known).AsNoTracking().ToListAsync(cancellationToken))
                .ToDictionary(l => (l.PaperId, l.Day, l.Source));

        var papers = new Dictionary<string, (PaperEntity Row, bool IsNew, bool Changed)>();
        var listings = new Dictionary<(string, DateOnly, ListingSource), (ListingEntity Row, bool IsNew, bool Changed)>();
        var outcomes = new List<ImportOutcome>(items.Count);
        foreach (var item in items)
        {
            outcomes.Add(item switch
            {
                PaperItem paperItem => ApplyPaper(paperItem, existing, existingListings, papers, listings, _now),
                DeletionItem deletion => ApplyDeletion(deletion, existing, papers, _now),
                _ => throw new ArgumentException($"Cannot write a {item.GetType().Name}.", nameof(items)),
            });
        }

        foreach (var (row, _, _) in papers.Values.Where(p => p.Changed))
        {
            // A paper changed again by a later chunk of this batch keeps the number it got: one per paper per batch.
            if (row.ChangeSeq <= _sequenceAtStart)
            {
                row.ChangeSeq = ++_sequence;
            }

            row.ModifiedAt = _now;
        }

        _paperUpsert ??= PaperSql.PreparePapers(Connection, _transaction);
        await PaperSql.WritePapersAsync(_paperUpsert, papers.Values.Where(p => p.Changed).Select(p => p.Row), cancellationToken);
        _listingUpsert ??= PaperSql.PrepareListings(Connection, _transaction);
        await PaperSql.WriteListingsAsync(_listingUpsert, listings.Values.Where(l => l.Changed).Select(l => l.Row), cancellationToken);
        _imported?.Add(papers.Where(p => p.Value.IsNew).Select(p => p.Key));
        _written += papers.Values.Count(p => p.Changed);
        return outcomes;
    }

    public Task CommitAsync(CancellationToken cancellationToken) => CommitAsync(null, cancellationToken);

    /// <param name="checkpoint">Where the import stands after this batch's last item: saved in the same transaction.</param>
    public async Task CommitAsync(ImportCheckpoint? checkpoint, CancellationToken cancellationToken)
    {
        await PaperSql.SetChangeSequenceAsync(Connection, _transaction, _sequence, cancellationToken);
        if (checkpoint is not null)
        {
            await ImportCheckpoints.SaveAsync(Connection, _transaction, checkpoint, _now, cancellationToken);
        }

        await _transaction.CommitAsync(cancellationToken);
        _committed = true;
        _imported?.Committed(_sequence);
        Hosting.DailyPapersMetrics.PapersWritten.Add(_written);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_committed)
        {
            _imported?.RolledBack();
        }

        if (_paperUpsert is not null)
        {
            await _paperUpsert.DisposeAsync();
        }

        if (_listingUpsert is not null)
        {
            await _listingUpsert.DisposeAsync();
        }

        await _transaction.DisposeAsync();
        await _context.DisposeAsync();
    }

    private static ImportOutcome ApplyPaper(
        PaperItem item,
        Dictionary<string, PaperEntity> existing,
        Dictionary<(string, DateOnly, ListingSource), ListingEntity> existingListings,
        Dictionary<string, (PaperEntity Row, bool IsNew, bool Changed)> papers,
        Dictionary<(string, DateOnly, ListingSource), (ListingEntity Row, bool IsNew, bool Changed)> listings,
        DateTime now)
    {
        var id = item.Paper.Id.Value;
        var wasKnown = papers.ContainsKey(id) || existing.ContainsKey(id);
        if (!papers.TryGetValue(id, out var entry))
        {
            entry = existing.TryGetValue(id, out var stored)
                ? (PaperMerge.Clone(stored), false, false)
                : (new PaperEntity { Id = id, CreatedAt = now }, true, true);
        }

        var paperChanged = PaperMerge.Apply(entry.Row, item.Paper, ObservedAt(item));
        var listingChanged = false;
        if (item.Listing is { } listing)
        {
            var key = (id, listing.Day, listing.Source);
            if (!listings.TryGetValue(key, out var listingEntry))
            {
                listingEntry = existingListings.TryGetValue(key, out var storedListing)
                    ? (storedListing, false, false)
                    : (new ListingEntity { PaperId = id, Day = listing.Day, Source = listing.Source }, true, true);
                listingChanged = listingEntry.IsNew;
            }

            listingChanged |= PaperMerge.Apply(listingEntry.Row, listing);
            listings[key] = listingEntry with { Changed = listingEntry.Changed || listingChanged };
        }

        // A listing's counts feed ranking and search, so its paper moves in the change sequence too.
        papers[id] = entry with { Changed = entry.Changed || paperChanged || listingChanged };

        return !wasKnown ? ImportOutcome.New
            : paperChanged || listingChanged ? ImportOutcome.Updated
            : ImportOutcome.Unchanged;
    }

    private static ImportOutcome ApplyDeletion(
        DeletionItem item,
        Dictionary<string, PaperEntity> existing,
        Dictionary<string, (PaperEntity Row, bool IsNew, bool Changed)> papers,
        DateTime now)
    {
        var id = item.Id.Value;
        if (!papers.TryGetValue(id, out var entry))
        {
            if (!existing.TryGetValue(id, out var stored))
            {
                return ImportOutcome.Unchanged;
            }

            entry = (PaperMerge.Clone(stored), false, false);
        }

        if (entry.Row.IsDeleted)
        {
            return ImportOutcome.Unchanged;
        }

        entry.Row.IsDeleted = true;
        entry.Row.ModifiedAt = now;
        papers[id] = entry with { Changed = true };
        return ImportOutcome.Deleted;
    }

    /// <summary>When the source saw the record: its listing time or day, else the version's date.</summary>
    private static DateTime? ObservedAt(PaperItem item) =>
        PaperMerge.Utc(item.Listing?.ListedAt)
        ?? item.Listing?.Day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)
        ?? PaperMerge.Utc(item.Paper.UpdatedAt);

    private static string IdOf(SourceItem item) => item switch
    {
        PaperItem p => p.Paper.Id.Value,
        DeletionItem d => d.Id.Value,
        _ => throw new ArgumentException($"Cannot write a {item.GetType().Name}.", nameof(item)),
    };

    private static async Task<long> LockChangeSequenceAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "UPDATE store_counters SET value = value WHERE name = @name RETURNING value";
        var name = command.CreateParameter();
        name.ParameterName = "@name";
        name.Value = StoreCounterEntity.PaperChanges;
        command.Parameters.Add(name);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
