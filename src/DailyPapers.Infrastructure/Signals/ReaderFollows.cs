using System.Globalization;
using DailyPapers.Core.Papers;
using DailyPapers.Core.Search;
using DailyPapers.Infrastructure.Search;
using DailyPapers.Infrastructure.Storage;

namespace DailyPapers.Infrastructure.Signals;

/// <summary>
/// Following an author or a category. Only what this site has papers of can be followed, found the way the author page
/// and the <c>au:</c>/<c>cat:</c> searches find them, so a follow never silently matches nothing.
/// </summary>
public sealed class ReaderFollows(StoreContextFactory store, TimeProvider clock, PaperSearch search)
{
    public const int MaxFollows = 500;

    public const int MaxNameLength = SignalsModel.MaxFollowKey;

    public async Task<SignalResult> SetAsync(string userId, FollowKind kind, string name, bool following, CancellationToken cancellationToken)
    {
        var label = PaperText.SingleLine(name).Replace("\"", "", StringComparison.Ordinal);
        if (label.Length is 0 or > MaxNameLength)
        {
            return SignalResult.Invalid($"A name to follow must have 1 to {MaxNameLength} characters.");
        }

        var key = kind == FollowKind.Author ? AuthorKey.Of(label) : label.ToLowerInvariant();
        if (key.Length == 0)
        {
            return SignalResult.Invalid($"“{label}” has no letters or digits to follow.");
        }

        if (following && Exists(kind, label) is { } missing)
        {
            return missing;
        }

        await using var change = await SignalTransaction.BeginAsync(store, clock, userId, cancellationToken);
        if (change is null)
        {
            return SignalResult.NotFound("No such account.");
        }

        (string, object?)[] row = [("@user", userId), ("@kind", (int)kind), ("@key", key)];
        if (!following)
        {
            await change.ExecuteAsync("DELETE FROM follows WHERE user_id = @user AND kind = @kind AND key = @key", cancellationToken, row);
            await change.CommitAsync(cancellationToken);
            return SignalResult.Done;
        }

        if (await change.LongAsync("SELECT 1 FROM follows WHERE user_id = @user AND kind = @kind AND key = @key", cancellationToken, row) is not null)
        {
            return SignalResult.Done;
        }

        if (await change.LongAsync("SELECT COUNT(*) FROM follows WHERE user_id = @user", cancellationToken, ("@user", userId)) >= MaxFollows)
        {
            return SignalResult.Limit($"You follow {MaxFollows.ToString(CultureInfo.InvariantCulture)} authors and categories, the most one reader can; unfollow some first.");
        }

        await change.ExecuteAsync(
            "INSERT INTO follows (user_id, kind, key, label, followed_at) VALUES (@user, @kind, @key, @label, @now)",
            cancellationToken,
            [.. row, ("@label", label), ("@now", change.Now)]);
        await change.CommitAsync(cancellationToken);
        return SignalResult.Done;
    }

    /// <summary>Null when the site has a paper by this author or in this category; else why it cannot be followed.</summary>
    private SignalResult? Exists(FollowKind kind, string label)
    {
        SearchFilters filters;
        string text;
        if (kind == FollowKind.Category)
        {
            filters = new SearchFilters { Categories = [label] };
            if (label.EndsWith(".*", StringComparison.Ordinal) || filters.Validate() is not null)
            {
                return SignalResult.Invalid($"“{label}” is not an arXiv category such as cs.CL or hep-th.");
            }

            text = "";
        }
        else
        {
            filters = SearchFilters.None;
            text = $"au:\"{label}\"";
        }

        var found = search.Search(new PaperSearchRequest(SearchQuery.Parse(text), filters, SearchSort.Newest, 0, 1) { Mode = SearchMode.Lexical });
        if (found.Notice == PaperSearch.BusyNotice)
        {
            return SignalResult.Invalid(found.Notice);
        }

        return found.Ids.Count > 0
            ? null
            : SignalResult.NotFound(kind == FollowKind.Author
                ? $"No paper here is by “{label}”: check the spelling as arXiv writes it."
                : $"No paper here is in {label}.");
    }
}
