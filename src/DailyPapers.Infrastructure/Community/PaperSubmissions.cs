using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Harvesting;
using DailyPapers.Infrastructure.Ingestion;
using DailyPapers.Infrastructure.Papers;
using DailyPapers.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DailyPapers.Infrastructure.Community;

/// <summary>
/// A reader features a paper on today's list (source <c>curated</c>). The metadata comes from the store, else from
/// the arXiv API through the harvester's polite client. The rules (daily limit, maximum age, no duplicate listing
/// except once more for a new version) are checked again inside the change transaction, whose lock serialises
/// submissions, so two readers submitting one paper at once cannot both list it.
/// </summary>
public sealed class PaperSubmissions(
    StoreContextFactory store,
    StoreVersion version,
    PaperWriter writer,
    ArxivPaperLookup arxiv,
    IOptions<SubmissionOptions> options,
    TimeProvider clock)
{
    public const int CommentMaxLength = 1000;

    public async Task<SubmissionResult> SubmitAsync(string input, string userId, string? comment, CancellationToken cancellationToken)
    {
        var rules = options.Value;
        if (!ArxivId.TryParse(input?.Trim(), out var id, out var askedVersion))
        {
            return Fail(SubmissionFailure.Invalid, $"\"{PaperText.SingleLine(input ?? "")}\" is not {ArxivId.ExpectedFormat}.");
        }

        comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (comment is { Length: > CommentMaxLength })
        {
            return Fail(SubmissionFailure.Invalid, $"The comment can have at most {CommentMaxLength:N0} characters; it has {comment.Length:N0}.");
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (await SubmittedOnAsync(userId, today, cancellationToken) >= rules.PerUserPerDay)
        {
            return DailyLimit(rules);
        }

        var paper = await StoredAsync(id, cancellationToken);
        if (paper is { IsHidden: true })
        {
            return Fail(SubmissionFailure.Hidden, $"{id} was hidden by a moderator and cannot be submitted.", id.Value);
        }

        if (paper is null || (askedVersion is { } asked && asked > paper.Version))
        {
            // Not stored, or the reader names a version the store has not seen yet: ask arXiv, and store what it says.
            PaperRecord? fetched;
            try
            {
                using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                deadline.CancelAfter(rules.ArxivTimeout);
                fetched = await arxiv.FindAsync(id, deadline.Token);
            }
            catch (Exception e) when (e is ArxivUnavailableException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                return Fail(SubmissionFailure.Unavailable, ArxivPaperLookup.UnavailableMessage, id.Value);
            }

            if (fetched is null)
            {
                return Fail(SubmissionFailure.NotFound, $"arXiv has no paper {id}.", id.Value);
            }

            // Checked before storing: a paper refused as too old is not added to the store either.
            if (TooOld(id, fetched.Version ?? 1, fetched.SubmittedAt?.UtcDateTime, fetched.UpdatedAt?.UtcDateTime, today, rules) is { } old)
            {
                return old;
            }

            await writer.WriteAsync([new PaperItem($"arXiv API {id}", fetched)], cancellationToken);
            paper = await StoredAsync(id, cancellationToken);
            if (paper is null)
            {
                return Fail(SubmissionFailure.NotFound, $"arXiv's record of {id} could not be stored.", id.Value);
            }
        }

        if (TooOld(id, paper.Version, paper.SubmittedAt, paper.UpdatedAt, today, rules) is { } tooOld)
        {
            return tooOld;
        }

        var versionDate = VersionDate(paper.Version, paper.SubmittedAt, paper.UpdatedAt);

        await using var change = await PaperChangeTransaction.BeginAsync(store, version, clock, cancellationToken);
        // Again under the lock: the checks above were only there to answer early.
        if (Convert.ToInt32(await change.ScalarAsync(
                "SELECT COUNT(*) FROM submissions WHERE user_id = @user AND day = @day", cancellationToken, ("@user", userId), ("@day", today)),
                System.Globalization.CultureInfo.InvariantCulture) >= rules.PerUserPerDay)
        {
            return DailyLimit(rules);
        }

        var featured = await change.DayAsync(
            "SELECT MAX(day) FROM submissions WHERE paper_id = @id AND version >= @version", cancellationToken, ("@id", id.Value), ("@version", paper.Version));
        if (featured is { } featuredOn)
        {
            return Fail(
                SubmissionFailure.Duplicate,
                $"{id}v{paper.Version} is already listed: a reader featured it on {featuredOn:MMM d, yyyy}. A newer arXiv version can be featured once more.",
                id.Value,
                featuredOn);
        }

        // A listing covers this version if it came after the version appeared; for v1, any listing does. Compared by time,
        // not day, so that a v2 out later on the day v1 was listed can still be featured.
        var covering = paper.Version > 1 && versionDate is { } published
            ? await change.DayAsync(
                // A listing without a time (bulk imports leave it empty) covers the version when its day does.
                "SELECT MAX(day) FROM listings WHERE paper_id = @id AND (day > @day OR (day = @day AND (listed_at IS NULL OR listed_at >= @at)))",
                cancellationToken,
                ("@id", id.Value),
                ("@day", DateOnly.FromDateTime(published)),
                ("@at", DateTime.SpecifyKind(published, DateTimeKind.Utc)))
            : await change.DayAsync("SELECT MAX(day) FROM listings WHERE paper_id = @id", cancellationToken, ("@id", id.Value));
        if (covering is { } listedOn)
        {
            return Fail(
                SubmissionFailure.Duplicate,
                paper.Version > 1
                    ? $"{id}v{paper.Version} is already listed (on {listedOn:MMM d, yyyy})."
                    : $"{id} is already listed (on {listedOn:MMM d, yyyy}). A new arXiv version (v2 or later) can be featured once more.",
                id.Value,
                listedOn);
        }

        var handle = (string)(await change.ScalarAsync("SELECT handle FROM users WHERE id = @id", cancellationToken, ("@id", userId)))!;
        await change.ExecuteAsync(
            "INSERT INTO submissions (paper_id, version, user_id, day, comment, created_at) VALUES (@id, @version, @user, @day, @comment, @now)",
            cancellationToken,
            ("@id", id.Value),
            ("@version", paper.Version),
            ("@user", userId),
            ("@day", today),
            ("@comment", comment),
            ("@now", change.Now));
        await change.ExecuteAsync(
            "INSERT INTO listings (paper_id, day, source, upvotes, num_comments, submitted_by, listed_at) " +
            "VALUES (@id, @day, @source, 0, 0, @handle, @now) ON CONFLICT (paper_id, day, source) DO NOTHING",
            cancellationToken,
            ("@id", id.Value),
            ("@day", today),
            ("@source", (int)ListingSource.Curated),
            ("@handle", handle),
            ("@now", change.Now));
        await change.ChangePaperAsync(id.Value, set: null, cancellationToken);
        await change.CommitAsync(cancellationToken);
        return new SubmissionResult(SubmissionFailure.None, null, id.Value, today);
    }

    /// <summary>Who featured the paper, oldest first.</summary>
    public async Task<IReadOnlyList<SubmissionView>> ForPaperAsync(ArxivId paper, CancellationToken cancellationToken) =>
        await QueryAsync(s => s.PaperId == paper.Value, 100, ascending: true, cancellationToken);

    /// <summary>What the reader submitted, newest first, leaving out hidden papers.</summary>
    public async Task<IReadOnlyList<SubmissionView>> ByUserAsync(string userId, int take, CancellationToken cancellationToken) =>
        await QueryAsync(s => s.UserId == userId, take, ascending: false, cancellationToken);

    private async Task<IReadOnlyList<SubmissionView>> QueryAsync(
        System.Linq.Expressions.Expression<Func<SubmissionEntity, bool>> which, int take, bool ascending, CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        // Hidden papers are left out before counting, so a profile still shows its newest `take`.
        var shown = context.Submissions.AsNoTracking().Where(which)
            .Join(context.Papers.Where(p => !p.IsHidden && !p.IsDeleted), s => s.PaperId, p => p.Id, (s, p) => new { s, p.Title });
        shown = ascending ? shown.OrderBy(r => r.s.Id) : shown.OrderByDescending(r => r.s.Id);
        return await shown.Take(take)
            .Join(context.Users, r => r.s.UserId, u => u.Id, (r, u) => new SubmissionView(r.s.PaperId, r.Title, r.s.Version, r.s.Day, r.s.Comment, u.Handle, u.DisplayName))
            .ToListAsync(cancellationToken);
    }

    private async Task<int> SubmittedOnAsync(string userId, DateOnly day, CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        return await context.Submissions.CountAsync(s => s.UserId == userId && s.Day == day, cancellationToken);
    }

    private async Task<PaperEntity?> StoredAsync(ArxivId id, CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        return await context.Papers.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id.Value && !p.IsDeleted, cancellationToken);
    }

    /// <summary>When the version was published: v1's submission date, or for later versions the last update.</summary>
    private static DateTime? VersionDate(int version, DateTime? submittedAt, DateTime? updatedAt) =>
        version > 1 ? updatedAt ?? submittedAt : submittedAt;

    private static SubmissionResult? TooOld(ArxivId id, int version, DateTime? submittedAt, DateTime? updatedAt, DateOnly today, SubmissionOptions rules) =>
        VersionDate(version, submittedAt, updatedAt) is { } published && DateOnly.FromDateTime(published) < today.AddDays(-rules.MaxAgeDays)
            ? Fail(
                SubmissionFailure.TooOld,
                $"{id}v{version} appeared on {published:MMM d, yyyy}; only papers (or new versions) from the last {rules.MaxAgeDays} days can be submitted.",
                id.Value)
            : null;

    private static SubmissionResult DailyLimit(SubmissionOptions rules) =>
        Fail(SubmissionFailure.DailyLimit, $"You have submitted {rules.PerUserPerDay} papers today, the most a reader may; try again tomorrow (UTC).");

    private static SubmissionResult Fail(SubmissionFailure failure, string message, string? paperId = null, DateOnly? day = null) =>
        new(failure, message, paperId, day);
}
