using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Community;
using DailyPapers.Infrastructure.Papers;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DailyPapers.Tests.Community;

/// <summary>
/// Votes and comments from two nodes at once, as the followers (search index, page caches) see them: a follower that
/// reads <c>change_seq &gt; last</c> while they commit ends with every count the store ends with, because numbers
/// become visible in commit order; and the counts equal the rows.
/// </summary>
public sealed class ChangeSequenceTests
{
    private static readonly DateOnly Day = new(2025, 6, 10);

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task A_follower_reading_during_concurrent_votes_and_comments_from_two_nodes_misses_no_change(StoreProvider provider)
    {
        var papers = Enumerable.Range(1, 12).Select(i => SamplePapers.Item($"2506.{i:D5}", listedOn: Day)).ToArray();
        await using var site = await CommunitySite.StartAsync(provider, null, papers);
        var readers = await Task.WhenAll(Enumerable.Range(1, 16).Select(i => site.AddReaderAsync($"r{i}@example.org")));
        var clock = TimeProvider.System;
        var factory = site.Store.Factory;
        // The site's own services and a second set on their own version, as another node would have them.
        PaperVotes[] votes = [site.App.Services.GetRequiredService<PaperVotes>(), new(factory, new StoreVersion(factory, clock), clock)];
        PaperComments[] comments = [site.App.Services.GetRequiredService<PaperComments>(), new(factory, new StoreVersion(factory, clock), clock)];

        using var writing = new CancellationTokenSource();
        var follower = FollowAsync(factory, writing.Token);
        var writes = readers.Select((reader, r) => Task.Run(async () =>
        {
            for (var p = 0; p < papers.Length; p++)
            {
                var node = (r + p) % 2;
                var paper = papers[p].Paper.Id;
                await votes[node].SetAsync(paper, reader.Id, voted: true, CancellationToken.None);
                if ((r + p) % 3 == 0)
                {
                    await votes[1 - node].SetAsync(paper, reader.Id, voted: false, CancellationToken.None);
                }

                if ((r * p) % 5 == 1)
                {
                    await comments[node].AddAsync(paper, reader.Id, null, $"Comment {r} on {p}", CancellationToken.None);
                }
            }
        }));
        await Task.WhenAll(writes);
        await writing.CancelAsync();
        var seen = await follower;

        await using var context = factory.CreateContext();
        var stored = await context.Papers.AsNoTracking().ToDictionaryAsync(p => p.Id, p => (p.LocalVotes, p.LocalComments, p.ChangeSeq));
        var voteRows = await context.Votes.AsNoTracking().GroupBy(v => v.PaperId).ToDictionaryAsync(g => g.Key, g => g.Count());
        var counter = (await context.Counters.AsNoTracking().SingleAsync(c => c.Name == StoreCounterEntity.PaperChanges)).Value;
        Assert.Equal(stored.ToDictionary(p => p.Key, p => (p.Value.LocalVotes, p.Value.LocalComments)), seen);
        Assert.Equal(voteRows, stored.ToDictionary(p => p.Key, p => p.Value.LocalVotes));
        Assert.Equal(counter, stored.Values.Max(p => p.ChangeSeq));
    }

    /// <summary>
    /// Reads the papers changed after the last number it has seen, over and over until <paramref name="stop"/>, then
    /// once more: each paper's counts as the last read showed them.
    /// </summary>
    private static async Task<Dictionary<string, (int Votes, int Comments)>> FollowAsync(StoreContextFactory factory, CancellationToken stop)
    {
        var seen = new Dictionary<string, (int, int)>();
        var last = 0L;
        while (true)
        {
            var stopping = stop.IsCancellationRequested;
            await using (var context = factory.CreateContext())
            {
                var changed = await context.Papers.AsNoTracking()
                    .Where(p => p.ChangeSeq > last)
                    .OrderBy(p => p.ChangeSeq)
                    .Select(p => new { p.Id, p.ChangeSeq, p.LocalVotes, p.LocalComments })
                    .ToListAsync(CancellationToken.None);
                foreach (var paper in changed)
                {
                    seen[paper.Id] = (paper.LocalVotes, paper.LocalComments);
                    last = paper.ChangeSeq;
                }
            }

            if (stopping)
            {
                return seen;
            }

            await Task.Yield();
        }
    }
}
