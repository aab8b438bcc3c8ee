using System.Globalization;
using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Infrastructure.Signals;

/// <summary>
/// A reader's collections and the papers saved in them: private unless made public, ordered by the reader, each paper
/// with a note. Every change moves the reader's signals version (a saved paper teaches their model, unless the
/// collection says it should not).
/// </summary>
public sealed class ReaderCollections(StoreContextFactory store, TimeProvider clock)
{
    public const int MaxCollections = 100;

    /// <summary>Saved papers per reader, over all their collections.</summary>
    public const int MaxSaves = 10_000;

    public const int MaxNameLength = SignalsModel.MaxCollectionName;

    public const int MaxNoteLength = SignalsModel.MaxNote;

    /// <summary>Where a paper goes when the reader names no collection; made on the first such save.</summary>
    public const string DefaultName = "Saved";

    public async Task<IReadOnlyList<CollectionSummary>> ListAsync(string userId, CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        var rows = await context.Collections.AsNoTracking()
            .Where(c => c.UserId == userId)
            .Select(c => new { Collection = c, Count = context.SavedPapers.Count(s => s.CollectionId == c.Id) })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => Summary(r.Collection, r.Count)).OrderBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase)];
    }

    public async Task<(CollectionSummary? Created, SignalResult Result)> CreateAsync(
        string userId, string name, bool isPublic, bool isSignal, CancellationToken cancellationToken)
    {
        if (CheckName(name) is { } invalid)
        {
            return (null, invalid);
        }

        await using var change = await SignalTransaction.BeginAsync(store, clock, userId, cancellationToken);
        if (change is null)
        {
            return (null, SignalResult.NotFound("No such account."));
        }

        var created = await CreateInAsync(change, userId, PaperText.SingleLine(name), isPublic, isSignal, cancellationToken);
        if (created.Created is not null)
        {
            await change.CommitAsync(cancellationToken);
        }

        return created;
    }

    public async Task<SignalResult> UpdateAsync(
        string userId, string slug, string? name, bool? isPublic, bool? isSignal, CancellationToken cancellationToken)
    {
        if (name is not null && CheckName(name) is { } invalid)
        {
            return invalid;
        }

        await using var change = await SignalTransaction.BeginAsync(store, clock, userId, cancellationToken);
        if (change is null || await CollectionIdAsync(change, userId, slug, cancellationToken) is not { } id)
        {
            return NoCollection(slug);
        }

        // The slug stays: a public collection's address must not break when it is renamed.
        (string Column, string Parameter, object Value)[] changes =
        [
            .. name is null ? [] : new[] { ("name", "@name", (object)PaperText.SingleLine(name)) },
            .. isPublic is null ? [] : new[] { ("is_public", "@public", (object)isPublic.Value) },
            .. isSignal is null ? [] : new[] { ("is_signal", "@signal", (object)isSignal.Value) },
        ];
        if (changes.Length > 0)
        {
            await change.ExecuteAsync(
                $"UPDATE collections SET {string.Join(", ", changes.Select(c => $"{c.Column} = {c.Parameter}"))} WHERE id = @id",
                cancellationToken,
                [.. changes.Select(c => (c.Parameter, (object?)c.Value)), ("@id", id)]);
        }

        await change.CommitAsync(cancellationToken);
        return SignalResult.Done;
    }

    public async Task<SignalResult> DeleteAsync(string userId, string slug, CancellationToken cancellationToken)
    {
        await using var change = await SignalTransaction.BeginAsync(store, clock, userId, cancellationToken);
        if (change is null || await CollectionIdAsync(change, userId, slug, cancellationToken) is not { } id)
        {
            return NoCollection(slug);
        }

        await change.ExecuteAsync("DELETE FROM saved_papers WHERE collection_id = @id", cancellationToken, ("@id", id));
        await change.ExecuteAsync("DELETE FROM collections WHERE id = @id", cancellationToken, ("@id", id));
        await change.CommitAsync(cancellationToken);
        return SignalResult.Done;
    }

    /// <summary>
    /// Saves the paper at the top of the collection (<paramref name="slug"/>, or the reader's "Saved" when null, made if
    /// needed); saving it again changes nothing. Returns the collection's slug when it succeeded.
    /// </summary>
    public async Task<(string? Slug, SignalResult Result)> SaveAsync(string userId, string? slug, ArxivId paper, CancellationToken cancellationToken) =>
        await SaveAsync(userId, slug, newName: null, paper, cancellationToken);

    /// <summary>
    /// Saves the paper in the reader's collection named <paramref name="newName"/> (any case), made now if they have
    /// none of that name, in the same transaction: "Save to a new collection" from a card.
    /// </summary>
    public async Task<(string? Slug, SignalResult Result)> SaveToNamedAsync(string userId, string newName, ArxivId paper, CancellationToken cancellationToken) =>
        CheckName(newName) is { } invalid ? (null, invalid) : await SaveAsync(userId, null, PaperText.SingleLine(newName), paper, cancellationToken);

    private async Task<(string? Slug, SignalResult Result)> SaveAsync(string userId, string? slug, string? newName, ArxivId paper, CancellationToken cancellationToken)
    {
        await using var change = await SignalTransaction.BeginAsync(store, clock, userId, cancellationToken);
        if (change is null)
        {
            return (null, SignalResult.NotFound("No such account."));
        }

        if (!await change.PaperIsVisibleAsync(paper.Value, cancellationToken))
        {
            return (null, SignalResult.NotFound($"There is no paper {paper.Value} here."));
        }

        long id;
        if (slug is not null)
        {
            if (await CollectionIdAsync(change, userId, slug, cancellationToken) is not { } found)
            {
                return (null, NoCollection(slug));
            }

            id = found;
        }
        else
        {
            var name = newName ?? DefaultName;
            var named = newName is null ? null : (await change.RowsAsync("SELECT id, name, slug FROM collections WHERE user_id = @user", cancellationToken, ("@user", userId)))
                .FirstOrDefault(row => string.Equals((string)row[1], newName, StringComparison.OrdinalIgnoreCase));
            slug = named is not null ? (string)named[2] : CollectionSlug.From(DefaultName);
            if (named is not null)
            {
                id = Convert.ToInt64(named[0], CultureInfo.InvariantCulture);
            }
            else if (newName is null && await CollectionIdAsync(change, userId, slug, cancellationToken) is { } found)
            {
                id = found;
            }
            else
            {
                var (created, result) = await CreateInAsync(change, userId, name, isPublic: false, isSignal: true, cancellationToken);
                if (created is null)
                {
                    return (null, result);
                }

                (id, slug) = (created.Id, created.Slug);
            }
        }

        (string, object?)[] key = [("@collection", id), ("@paper", paper.Value)];
        if (await change.LongAsync("SELECT 1 FROM saved_papers WHERE collection_id = @collection AND paper_id = @paper", cancellationToken, key) is not null)
        {
            return (slug, SignalResult.Done);
        }

        var saves = await change.LongAsync(
            "SELECT COUNT(*) FROM saved_papers s JOIN collections c ON c.id = s.collection_id WHERE c.user_id = @user",
            cancellationToken,
            ("@user", userId));
        if (saves >= MaxSaves)
        {
            return (null, SignalResult.Limit(
                $"You have saved {MaxSaves.ToString("N0", CultureInfo.InvariantCulture)} papers, the most one reader can; remove some first."));
        }

        var top = await change.LongAsync("SELECT MIN(position) FROM saved_papers WHERE collection_id = @collection", cancellationToken, key[0]) ?? 1;
        await change.ExecuteAsync(
            "INSERT INTO saved_papers (collection_id, paper_id, note, position, saved_at) VALUES (@collection, @paper, '', @position, @now)",
            cancellationToken,
            [.. key, ("@position", top - 1), ("@now", change.Now)]);
        await change.CommitAsync(cancellationToken);
        return (slug, SignalResult.Done);
    }

    public async Task<SignalResult> RemoveAsync(string userId, string slug, ArxivId paper, CancellationToken cancellationToken)
    {
        await using var change = await SignalTransaction.BeginAsync(store, clock, userId, cancellationToken);
        if (change is null || await CollectionIdAsync(change, userId, slug, cancellationToken) is not { } id)
        {
            return NoCollection(slug);
        }

        await change.ExecuteAsync(
            "DELETE FROM saved_papers WHERE collection_id = @collection AND paper_id = @paper", cancellationToken, ("@collection", id), ("@paper", paper.Value));
        await change.CommitAsync(cancellationToken);
        return SignalResult.Done;
    }

    /// <summary>Sets (or, empty, clears) the reader's note on a saved paper: Markdown, shown sanitised as comments are.</summary>
    public async Task<SignalResult> SetNoteAsync(string userId, string slug, ArxivId paper, string note, CancellationToken cancellationToken)
    {
        note = note.Trim();
        if (note.Length > MaxNoteLength)
        {
            return SignalResult.Invalid($"A note can have at most {MaxNoteLength.ToString("N0", CultureInfo.InvariantCulture)} characters; this one has {note.Length.ToString("N0", CultureInfo.InvariantCulture)}.");
        }

        await using var change = await SignalTransaction.BeginAsync(store, clock, userId, cancellationToken);
        if (change is null || await CollectionIdAsync(change, userId, slug, cancellationToken) is not { } id)
        {
            return NoCollection(slug);
        }

        var changed = await change.ExecuteAsync(
            "UPDATE saved_papers SET note = @note WHERE collection_id = @collection AND paper_id = @paper",
            cancellationToken,
            ("@note", note),
            ("@collection", id),
            ("@paper", paper.Value));
        if (changed == 0)
        {
            return SignalResult.NotFound($"{paper.Value} is not in this collection.");
        }

        await change.CommitAsync(cancellationToken);
        return SignalResult.Done;
    }

    /// <summary>Moves a saved paper to <paramref name="index"/> (0 is the top) in the collection's order.</summary>
    public async Task<SignalResult> MoveAsync(string userId, string slug, ArxivId paper, int index, CancellationToken cancellationToken)
    {
        await using var change = await SignalTransaction.BeginAsync(store, clock, userId, cancellationToken);
        if (change is null || await CollectionIdAsync(change, userId, slug, cancellationToken) is not { } id)
        {
            return NoCollection(slug);
        }

        var order = await change.TextsAsync(
            "SELECT paper_id FROM saved_papers WHERE collection_id = @collection ORDER BY position, saved_at DESC, paper_id", cancellationToken, ("@collection", id));
        if (!order.Remove(paper.Value))
        {
            return SignalResult.NotFound($"{paper.Value} is not in this collection.");
        }

        order.Insert(Math.Clamp(index, 0, order.Count), paper.Value);
        for (var i = 0; i < order.Count; i++)
        {
            await change.ExecuteAsync(
                "UPDATE saved_papers SET position = @position WHERE collection_id = @collection AND paper_id = @paper",
                cancellationToken,
                ("@position", i),
                ("@collection", id),
                ("@paper", order[i]));
        }

        await change.CommitAsync(cancellationToken);
        return SignalResult.Done;
    }

    /// <summary>The reader's own collection with its papers; null when they have none of that slug.</summary>
    public async Task<CollectionContents?> ReadAsync(string userId, string slug, CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        var collection = await context.Collections.AsNoTracking().FirstOrDefaultAsync(c => c.UserId == userId && c.Slug == slug, cancellationToken);
        return collection is null ? null : await ContentsAsync(context, collection, cancellationToken);
    }

    /// <summary>A public collection by its owner's handle; null when there is none, or it is private.</summary>
    public async Task<CollectionContents?> ReadPublicAsync(string handle, string slug, CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        var collection = await context.Collections.AsNoTracking()
            .Where(c => c.Slug == slug && c.IsPublic && context.Users.Any(u => u.Id == c.UserId && u.Handle == handle))
            .FirstOrDefaultAsync(cancellationToken);
        return collection is null ? null : await ContentsAsync(context, collection, cancellationToken);
    }

    /// <summary>For each of these papers the reader saved, the slugs of the collections holding it: for drawing buttons.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> SavedAmongAsync(
        string userId, IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken)
    {
        if (paperIds.Count == 0)
        {
            return new Dictionary<string, IReadOnlyList<string>>();
        }

        await using var context = store.CreateContext();
        var ids = paperIds.ToList();
        var rows = await context.SavedPapers.AsNoTracking()
            .Where(s => ids.Contains(s.PaperId))
            .Join(context.Collections.Where(c => c.UserId == userId), s => s.CollectionId, c => c.Id, (s, c) => new { s.PaperId, c.Slug })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.PaperId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(r => r.Slug).Order(StringComparer.Ordinal)], StringComparer.Ordinal);
    }

    private static async Task<CollectionContents> ContentsAsync(DailyPapersDbContext context, CollectionEntity collection, CancellationToken cancellationToken)
    {
        var papers = await context.SavedPapers.AsNoTracking()
            .Where(s => s.CollectionId == collection.Id)
            .Join(context.Papers.Where(p => !p.IsHidden && !p.IsDeleted), s => s.PaperId, p => p.Id, (s, p) => s)
            .OrderBy(s => s.Position).ThenByDescending(s => s.SavedAt).ThenBy(s => s.PaperId)
            .ToListAsync(cancellationToken);
        return new CollectionContents(
            Summary(collection, papers.Count),
            [.. papers.Select(s => new SavedPaper(s.PaperId, s.Note, DateTime.SpecifyKind(s.SavedAt, DateTimeKind.Utc)))]);
    }

    private static async Task<(CollectionSummary? Created, SignalResult Result)> CreateInAsync(
        SignalTransaction change, string userId, string name, bool isPublic, bool isSignal, CancellationToken cancellationToken)
    {
        if (await change.LongAsync("SELECT COUNT(*) FROM collections WHERE user_id = @user", cancellationToken, ("@user", userId)) >= MaxCollections)
        {
            return (null, SignalResult.Limit($"You have {MaxCollections} collections, the most one reader can have; delete one first."));
        }

        // The first free slug of the name: reading-list, reading-list-2, …
        var stem = CollectionSlug.From(name);
        var slug = stem;
        for (var n = 2; await CollectionIdAsync(change, userId, slug, cancellationToken) is not null; n++)
        {
            slug = $"{stem}-{n.ToString(CultureInfo.InvariantCulture)}";
        }

        var id = await change.LongAsync(
            "INSERT INTO collections (user_id, name, slug, is_public, is_signal, created_at) VALUES (@user, @name, @slug, @public, @signal, @now) RETURNING id",
            cancellationToken,
            ("@user", userId),
            ("@name", name),
            ("@slug", slug),
            ("@public", isPublic),
            ("@signal", isSignal),
            ("@now", change.Now));
        return (new CollectionSummary(id!.Value, name, slug, isPublic, isSignal, 0, change.Now), SignalResult.Done);
    }

    private static Task<long?> CollectionIdAsync(SignalTransaction change, string userId, string slug, CancellationToken cancellationToken) =>
        change.LongAsync("SELECT id FROM collections WHERE user_id = @user AND slug = @slug", cancellationToken, ("@user", userId), ("@slug", slug));

    private static SignalResult? CheckName(string name)
    {
        var single = PaperText.SingleLine(name);
        return single.Length is 0 or > MaxNameLength
            ? SignalResult.Invalid($"A collection's name must have 1 to {MaxNameLength} characters; this one has {single.Length.ToString("N0", CultureInfo.InvariantCulture)}.")
            : null;
    }

    private static SignalResult NoCollection(string slug) => SignalResult.NotFound($"You have no collection “{slug}”.");

    private static CollectionSummary Summary(CollectionEntity c, int count) =>
        new(c.Id, c.Name, c.Slug, c.IsPublic, c.IsSignal, count, DateTime.SpecifyKind(c.CreatedAt, DateTimeKind.Utc));
}
