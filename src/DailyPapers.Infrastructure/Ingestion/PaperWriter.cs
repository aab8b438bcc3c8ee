using System.Data;
using System.Data.Common;
using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Infrastructure.Ingestion;

/// <summary>
/// Writes batches of source items to the store, idempotently: each batch is one transaction (an interrupted
/// import leaves whole batches or nothing), existing rows are read under the change-sequence lock so two
/// importers never insert the same paper twice, and only rows that really change get a new change sequence.
/// </summary>
public sealed class PaperWriter(StoreContextFactory store, TimeProvider clock)
{
    /// <summary>Writes one batch and returns the outcome of each item, in order (rejections are not passed here).</summary>
    public async Task<IReadOnlyList<ImportOutcome>> WriteAsync(IReadOnlyList<SourceItem> items, CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        var connection = context.Database.GetDbConnection();
        await context.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);

        // Taking the counter row first serialises writers (row lock on PostgreSQL, write lock on SQLite) before
        // anything is read, so the existence checks below cannot race another importer.
        var sequence = await LockChangeSequenceAsync(connection, transaction, cancellationToken);

        var ids = items.Select(IdOf).Distinct().ToList();
        context.Database.UseTransaction(transaction);

        // Most rows of a first import are new: ask cheaply which ids exist, and load only those rows.
        var known = await PaperSql.ExistingIdsAsync(connection, transaction, context.Provider, ids, cancellationToken);
        var existing = known.Count == 0
            ? []
            : await PaperSql.PapersById(context, known).AsNoTracking().ToDictionaryAsync(p => p.Id, cancellationToken);
        var existingListings = known.Count == 0
            ? []
            : (await PaperSql.ListingsByPaperId(context, known).AsNoTracking().ToListAsync(cancellationToken))
                .ToDictionary(l => (l.PaperId, l.Day, l.Source));

        var now = clock.GetUtcNow().UtcDateTime;
        var papers = new Dictionary<string, (PaperEntity Row, bool IsNew, bool Changed)>();
        var listings = new Dictionary<(string, DateOnly, ListingSource), (ListingEntity Row, bool IsNew, bool Changed)>();
        var outcomes = new List<ImportOutcome>(items.Count);
        foreach (var item in items)
        {
            outcomes.Add(item switch
            {
                PaperItem paperItem => ApplyPaper(paperItem, existing, existingListings, papers, listings, now),
                DeletionItem deletion => ApplyDeletion(deletion, existing, papers, now),
                _ => throw new ArgumentException($"Cannot write a {item.GetType().Name}.", nameof(items)),
            });
        }

        foreach (var (row, _, _) in papers.Values.Where(p => p.Changed))
        {
            row.ChangeSeq = ++sequence;
            row.ModifiedAt = now;
        }

        await PaperSql.WritePapersAsync(connection, transaction, papers.Values.Where(p => p.Changed), cancellationToken);
        await PaperSql.WriteListingsAsync(connection, transaction, listings.Values.Where(l => l.Changed), cancellationToken);
        await PaperSql.SetChangeSequenceAsync(connection, transaction, sequence, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return outcomes;
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
