using System.Text.Json;
using DailyPapers.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Infrastructure.Accounts;

/// <summary>
/// Everything a reader gave this site, as one JSON document for <c>/account</c>'s "Download your data": the account,
/// votes, comments, submissions, collections with notes, "not interested", picks, follows, the subscription of their
/// address with its alerts, and their tokens (names and dates; a token's secret is never stored).
/// </summary>
public sealed class AccountExport(StoreContextFactory store, TimeProvider clock)
{
    // Every time in the store is UTC, though SQLite hands it back without saying so: written with its Z.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Converters = { new UtcTimes() } };

    /// <summary>Null when there is no such account.</summary>
    public async Task<byte[]?> WriteAsync(string userId, CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        var user = await context.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return null;
        }

        var collections = await context.Collections.AsNoTracking().Where(c => c.UserId == userId).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var collectionIds = collections.Select(c => c.Id).ToList();
        var saved = await context.SavedPapers.AsNoTracking().Where(s => collectionIds.Contains(s.CollectionId))
            .OrderBy(s => s.CollectionId).ThenBy(s => s.Position).ToListAsync(cancellationToken);
        var subscription = await context.Subscriptions.AsNoTracking()
            .FirstOrDefaultAsync(s => s.UserId == userId || s.NormalizedEmail == user.NormalizedEmail, cancellationToken);
        var alerts = subscription is null
            ? []
            : await context.SavedSearches.AsNoTracking().Where(a => a.SubscriptionId == subscription.Id).OrderBy(a => a.Id).ToListAsync(cancellationToken);

        var document = new
        {
            exportedAt = clock.GetUtcNow().UtcDateTime,
            account = new
            {
                email = user.Email,
                handle = user.Handle,
                displayName = user.DisplayName,
                createdAt = Utc(user.CreatedAt),
                votesArePublic = user.VotesArePublic,
                forYou = new { days = user.ForYouDays, personalWeight = user.ForYouPersonalWeight },
            },
            votes = await context.Votes.AsNoTracking().Where(v => v.UserId == userId).OrderBy(v => v.VotedAt)
                .Select(v => new { paper = v.PaperId, at = v.VotedAt }).ToListAsync(cancellationToken),
            comments = await context.Comments.AsNoTracking().Where(c => c.UserId == userId).OrderBy(c => c.Id)
                .Select(c => new { id = c.Id, paper = c.PaperId, parentId = c.ParentId, body = c.Body, createdAt = c.CreatedAt, editedAt = c.EditedAt, deleted = c.IsDeleted, hiddenByModerator = c.IsHidden })
                .ToListAsync(cancellationToken),
            submissions = await context.Submissions.AsNoTracking().Where(s => s.UserId == userId).OrderBy(s => s.Id)
                .Select(s => new { paper = s.PaperId, version = s.Version, day = s.Day, comment = s.Comment, createdAt = s.CreatedAt })
                .ToListAsync(cancellationToken),
            collections = collections.Select(c => new
            {
                name = c.Name,
                slug = c.Slug,
                isPublic = c.IsPublic,
                aboutMyField = c.IsSignal,
                createdAt = Utc(c.CreatedAt),
                papers = saved.Where(s => s.CollectionId == c.Id).Select(s => new { paper = s.PaperId, note = s.Note, savedAt = Utc(s.SavedAt) }),
            }),
            notInterested = await context.Dismissals.AsNoTracking().Where(d => d.UserId == userId).OrderBy(d => d.DismissedAt)
                .Select(d => new { paper = d.PaperId, at = d.DismissedAt }).ToListAsync(cancellationToken),
            picks = await context.Picks.AsNoTracking().Where(p => p.UserId == userId).OrderBy(p => p.PickedAt)
                .Select(p => new { paper = p.PaperId, at = p.PickedAt }).ToListAsync(cancellationToken),
            follows = (await context.Follows.AsNoTracking().Where(f => f.UserId == userId).OrderBy(f => f.FollowedAt).ToListAsync(cancellationToken))
                .Select(f => new { kind = f.Kind.ToString().ToLowerInvariant(), name = f.Label, at = Utc(f.FollowedAt) }),
            subscription = subscription is null
                ? null
                : new
                {
                    email = subscription.Email,
                    status = subscription.Status.ToString().ToLowerInvariant(),
                    daily = subscription.Daily,
                    weekly = subscription.Weekly,
                    forYouDaily = subscription.ForYouDaily,
                    forYouWeekly = subscription.ForYouWeekly,
                    createdAt = Utc(subscription.CreatedAt),
                    confirmedAt = subscription.ConfirmedAt,
                    alerts = alerts.Select(a => new { query = a.Query, categories = a.Categories, minVotes = a.MinVotes, createdAt = Utc(a.CreatedAt) }),
                },
            accessTokens = await context.AccessTokens.AsNoTracking().Where(t => t.UserId == userId).OrderBy(t => t.Id)
                .Select(t => new { name = t.Name, prefix = t.Prefix, createdAt = t.CreatedAt, lastUsedAt = t.LastUsedAt, revokedAt = t.RevokedAt })
                .ToListAsync(cancellationToken),
        };
        return JsonSerializer.SerializeToUtf8Bytes(document, Json);
    }

    private static DateTime Utc(DateTime at) => DateTime.SpecifyKind(at, DateTimeKind.Utc);

    private sealed class UtcTimes : System.Text.Json.Serialization.JsonConverter<DateTime>
    {
        public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetDateTime().ToUniversalTime();

        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
            writer.WriteStringValue(Utc(value));
    }
}
