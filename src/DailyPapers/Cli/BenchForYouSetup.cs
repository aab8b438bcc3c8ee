using System.Globalization;
using System.Security.Cryptography;
using DailyPapers.Core.Listings;
using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Accounts;
using DailyPapers.Infrastructure.Digests;
using DailyPapers.Infrastructure.Papers;
using DailyPapers.Infrastructure.Search.Embeddings;
using DailyPapers.Infrastructure.Search.Vectors;
using DailyPapers.Infrastructure.Signals;
using DailyPapers.Infrastructure.Storage;
using Microsoft.AspNetCore.Identity;

namespace DailyPapers.Cli;

/// <summary>What <c>bench for-you prepare</c> made: the reader to sign in as, and the listing days it measured against.</summary>
internal sealed record BenchForYouPrepared(
    string Email, string Password, string VoterToken, DateOnly LatestDay, int WindowPapers, int ReaderSignals, int DigestReaders, int Vectors);

/// <summary>
/// Fills a store (an arXiv import) for <c>bench for-you</c>: a vector for every paper, one reader with the issue's 500
/// signals made through the product's own services, a voter with a token (a store change from outside), and N readers
/// with confirmed addresses who asked for the daily "for you" email, each with a few dozen picks and dismissals,
/// written in bulk. The vectors stand in for MiniLM's (embedding 75k abstracts takes an hour on 2 cores): hashed bags
/// of words in the same 384 dimensions, so papers sharing words are close and a model has something to learn; their
/// cost in ranking is the real one, their quality is not measured here.
/// </summary>
internal static class BenchForYouSetup
{
    public const string Email = "for-you-reader@bench.invalid";

    /// <summary>Positives come from the stretch before the measured window, as a reader's history would.</summary>
    private const int HistoryDays = 90;

    public static async Task<BenchForYouPrepared?> PrepareAsync(ServiceProvider services, int readers, int signals, CancellationToken cancellationToken)
    {
        if (services.GetService<EmbeddingModelProfile>() is not { } profile)
        {
            await Console.Error.WriteLineAsync("error: Search:Embeddings:Enabled is false; \"for you\" is measured with vectors.");
            return null;
        }

        await using var reader = services.GetRequiredService<PaperQueries>().OpenReader();
        if (await reader.LatestListingDayAsync(cancellationToken) is not { } latest)
        {
            await Console.Error.WriteLineAsync("error: the store lists no papers; import some first (bench/for-you.sh imports arxiv-cs).");
            return null;
        }

        var vectors = await WriteVectorsAsync(services, profile, cancellationToken);
        var window = await reader.ListAsync(new ListingPeriod(ListingPeriodKind.Day, latest.AddDays(-6), latest), new ListingFilter(), 0, 10_000, false, cancellationToken);
        var history = await reader.ListAsync(
            new ListingPeriod(ListingPeriodKind.Day, latest.AddDays(-6 - HistoryDays), latest.AddDays(-7)), new ListingFilter(), 0, 50_000, false, cancellationToken);
        var windowIds = window.Page.Papers.Select(p => p.Id).ToList();
        var historyPapers = history.Page.Papers;
        if (historyPapers.Count < signals || windowIds.Count < 50)
        {
            await Console.Error.WriteLineAsync(
                $"error: {historyPapers.Count} papers in the {HistoryDays} days before the last week and {windowIds.Count} in it; a reader with {signals} signals needs more.");
            return null;
        }

        var random = new Random(12);
        var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await Console.Error.WriteLineAsync($"one reader with {signals} signals, through the product's services…");
        var made = await MainReaderAsync(services, password, signals, historyPapers, windowIds, random, cancellationToken);
        var voterToken = await VoterAsync(services, cancellationToken);
        await Console.Error.WriteLineAsync($"{readers} readers who asked for the daily \"for you\" email…");
        await DigestReadersAsync(services, readers, historyPapers, windowIds, random, cancellationToken);
        return new BenchForYouPrepared(Email, password, voterToken, latest, windowIds.Count, made, readers, vectors);
    }

    /// <summary>A vector for every paper that has none, in pages, through the store's own writer (the site loads them at start).</summary>
    private static async Task<int> WriteVectorsAsync(ServiceProvider services, EmbeddingModelProfile profile, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<PaperVectorStore>();
        var written = 0;
        while (true)
        {
            var pending = await store.ReadPendingAsync(profile.Name, since: null, 2000, cancellationToken);
            if (pending.Count == 0)
            {
                return written;
            }

            await store.WriteAsync(profile.Name, pending, pending.ToDictionary(p => p.Id, p => HashedVector(p.Text, profile.Dimensions)), cancellationToken);
            written += pending.Count;
            await Console.Error.WriteLineAsync($"  vectors: {written:N0}");
        }
    }

    /// <summary>Signed feature hashing of the words of four letters or more, normalised to unit length.</summary>
    internal static float[] HashedVector(string text, int dimensions)
    {
        var vector = new float[dimensions];
        foreach (var word in text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var trimmed = word.Trim('.', ',', ';', ':', '(', ')', '"', '\'');
            if (trimmed.Length < 4)
            {
                continue;
            }

            var hash = Fnv(trimmed);
            vector[(int)(hash % (uint)dimensions)] += (hash & 0x8000_0000) == 0 ? 1 : -1;
        }

        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        if (norm == 0)
        {
            vector[0] = 1;
            return vector;
        }

        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] /= norm;
        }

        return vector;
    }

    private static uint Fnv(string word)
    {
        var hash = 2166136261u;
        foreach (var c in word)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }

    /// <summary>
    /// The measured reader: picks, saves and "not interested" (a tenth of them on papers of the window) and follows,
    /// all on two categories of their history, as a reader with a field would have them.
    /// </summary>
    private static async Task<int> MainReaderAsync(
        ServiceProvider services, string password, int signals, IReadOnlyList<ListedPaper> history, List<string> window, Random random, CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserEntity>>();
        if (await users.FindByEmailAsync(Email) is { } old)
        {
            await scope.ServiceProvider.GetRequiredService<AccountDeletion>().DeleteAsync(old.Id, cancellationToken);
        }

        var (account, result) = await scope.ServiceProvider.GetRequiredService<AccountCreator>().CreateAsync(Email, password, cancellationToken);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"cannot create {Email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }

        var field = history.GroupBy(p => (p.Categories.Count > 0 ? p.Categories[0] : "")).OrderByDescending(g => g.Count()).Take(2).SelectMany(g => g).ToList();
        var liked = field.OrderBy(_ => random.Next()).Take(signals).ToList();
        var picks = services.GetRequiredService<ReaderSignals>();
        var collections = services.GetRequiredService<ReaderCollections>();
        var follows = services.GetRequiredService<ReaderFollows>();
        var made = 0;
        for (var i = 0; i < liked.Count && made < signals - 5; i++)
        {
            var id = ArxivId.Parse(liked[i].Id);
            var outcome = (i % 10) switch
            {
                < 5 => await picks.SetPickedAsync(account.Id, id, true, cancellationToken),
                < 8 => (await collections.SaveAsync(account.Id, null, id, cancellationToken)).Result,
                _ => await picks.SetDismissedAsync(account.Id, ArxivId.Parse(i % 20 == 8 ? window[random.Next(window.Count)] : liked[i].Id), true, cancellationToken),
            };
            made += outcome.Succeeded ? 1 : 0;
        }

        foreach (var category in field.Select(p => (p.Categories.Count > 0 ? p.Categories[0] : null)).OfType<string>().Distinct().Take(2))
        {
            made += (await follows.SetAsync(account.Id, FollowKind.Category, category, true, cancellationToken)).Succeeded ? 1 : 0;
        }

        foreach (var author in liked.SelectMany(p => p.Authors).GroupBy(a => a).OrderByDescending(g => g.Count()).Take(3).Select(g => g.Key))
        {
            made += (await follows.SetAsync(account.Id, FollowKind.Author, author, true, cancellationToken)).Succeeded ? 1 : 0;
        }

        await picks.SetForYouAsync(account.Id, 7, 80, cancellationToken);
        return made;
    }

    /// <summary>Another reader with a token, whose votes change the store while the measured reader reads.</summary>
    private static async Task<string> VoterAsync(ServiceProvider services, CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        var email = $"for-you-voter-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}@bench.invalid";
        var (account, result) = await scope.ServiceProvider.GetRequiredService<AccountCreator>().CreateAsync(email, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), cancellationToken);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"cannot create {email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }

        return await scope.ServiceProvider.GetRequiredService<AccessTokens>().CreateAsync(account.Id, "bench for-you", cancellationToken);
    }

    /// <summary>
    /// Readers as the digest sees them: a confirmed address, its subscription to the daily "for you" email only, and
    /// 20 picks from one category plus 5 "not interested", written in bulk (making 25,000 signals one by one would
    /// measure the set-up, not the digest).
    /// </summary>
    private static async Task DigestReadersAsync(
        ServiceProvider services, int count, IReadOnlyList<ListedPaper> history, List<string> window, Random random, CancellationToken cancellationToken)
    {
        var byCategory = history.GroupBy(p => (p.Categories.Count > 0 ? p.Categories[0] : "")).Where(g => g.Count() >= 40).Select(g => g.Select(p => p.Id).ToList()).ToList();
        var run = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var now = DateTime.UtcNow;
        await using var context = services.GetRequiredService<StoreContextFactory>().CreateContext();
        for (var i = 0; i < count; i++)
        {
            var email = $"for-you-{run}-{i.ToString("0000", CultureInfo.InvariantCulture)}@bench.invalid";
            var account = AccountFactory.New(email, TimeProvider.System);
            account.Handle = $"fy-{run}-{i.ToString(CultureInfo.InvariantCulture)}";
            account.NormalizedEmail = account.NormalizedUserName = email.ToUpperInvariant();
            account.EmailConfirmed = true;
            account.SecurityStamp = Guid.NewGuid().ToString();
            context.Users.Add(account);
            context.Subscriptions.Add(new SubscriptionEntity
            {
                Email = email,
                NormalizedEmail = account.NormalizedEmail,
                Status = SubscriptionStatus.Confirmed,
                Daily = false,
                ForYouDaily = true,
                UserId = account.Id,
                TokenSecret = SubscriptionTokens.NewSecret(),
                CreatedAt = now,
                ConfirmedAt = now.AddDays(-30),
            });
            var field = byCategory[random.Next(byCategory.Count)];
            foreach (var id in field.OrderBy(_ => random.Next()).Take(20))
            {
                context.Set<PickEntity>().Add(new PickEntity { UserId = account.Id, PaperId = id, PickedAt = now });
            }

            foreach (var id in window.OrderBy(_ => random.Next()).Take(5))
            {
                context.Set<DismissalEntity>().Add(new DismissalEntity { UserId = account.Id, PaperId = id, DismissedAt = now });
            }

            if (i % 100 == 99)
            {
                await context.SaveChangesAsync(cancellationToken);
                context.ChangeTracker.Clear();
            }
        }

        await context.SaveChangesAsync(cancellationToken);
    }
}
