using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Community;
using DailyPapers.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Tests.Operations;

/// <summary>
/// <c>backup</c> while the site takes votes and <c>restore</c> into an empty data folder (issue 13 §4): every vote
/// acknowledged before the backup began is in it, the restored site searches at once, and a restore never
/// overwrites a store or takes a file that is not a whole DailyPapers store.
/// </summary>
public sealed class BackupRestoreTests
{
    private static readonly DateOnly Day = new(2025, 6, 10);

    [Fact]
    public async Task A_backup_during_a_vote_storm_holds_every_vote_acknowledged_before_it_began_and_restores_searchable()
    {
        var papers = Enumerable.Range(1, 40).Select(i => SamplePapers.Item($"2506.{i:00000}", $"Sparse attention study number {i}", listedOn: Day)).ToArray();
        await using var site = await CommunitySite.StartAsync(StoreProvider.Sqlite, new Dictionary<string, string?> { ["Web:VotesPerMinute"] = "100000" }, papers);
        var readers = new List<Reader>();
        for (var i = 0; i < 6; i++)
        {
            readers.Add(await site.AddReaderAsync($"voter{i}@example.org"));
        }

        var acknowledged = new ConcurrentBag<(string User, string Paper, DateTime At)>();
        var backupStarted = DateTime.MaxValue;
        var storm = readers.Select(reader => Task.Run(async () =>
        {
            foreach (var paper in papers)
            {
                using var response = await site.SendAsync(HttpMethod.Post, $"/api/papers/{paper.Paper.Id}/upvote", reader.Token);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                acknowledged.Add((reader.Id, paper.Paper.Id.ToString(), DateTime.UtcNow));
            }
        })).ToList();

        while (acknowledged.Count < 60)
        {
            await Task.Delay(10);
        }

        var file = Path.Combine(site.Store.DataDirectory, "backup.db");
        backupStarted = DateTime.UtcNow;
        var backup = await CliProcess.RunApartAsync(site.Store.Settings, "backup", file);
        await Task.WhenAll(storm);

        var restoredFolder = TestData.NewTempDir("dp-restored");
        var restoredSettings = new Dictionary<string, string?> { ["Database:Provider"] = "Sqlite", ["DataDirectory"] = restoredFolder };
        var restore = await CliProcess.RunApartAsync(restoredSettings, "restore", file);
        var again = await CliProcess.RunApartAsync(restoredSettings, "restore", file);
        await File.WriteAllTextAsync(Path.Combine(site.Store.DataDirectory, "not-a-backup.db"), "hello");
        var garbage = await CliProcess.RunApartAsync(
            new Dictionary<string, string?> { ["Database:Provider"] = "Sqlite", ["DataDirectory"] = TestData.NewTempDir("dp-garbage") },
            "restore", Path.Combine(site.Store.DataDirectory, "not-a-backup.db"));
        var overwrite = await CliProcess.RunApartAsync(site.Store.Settings, "backup", file);

        Assert.True(backup.ExitCode == 0, backup.Error);
        Assert.Matches(@"^Backed up 40 papers into .*backup\.db", backup.Output.Trim());
        Assert.True(restore.ExitCode == 0, restore.Error);
        Assert.Contains("Restored 40 papers", restore.Output, StringComparison.Ordinal);
        await using var restored = TestStore.OpenSqlite(restoredFolder);
        await using (var context = restored.Factory.CreateContext())
        {
            var votes = (await context.Votes.AsNoTracking().Select(v => new { v.UserId, v.PaperId }).ToListAsync()).Select(v => (v.UserId, v.PaperId)).ToHashSet();
            var before = acknowledged.Where(a => a.At < backupStarted).ToList();
            Assert.True(before.Count >= 60);
            Assert.All(before, a => Assert.Contains((a.User, a.Paper), votes));
            // The counts the site shows agree with the votes the backup holds.
            var counted = await context.Papers.AsNoTracking().SumAsync(p => p.LocalVotes);
            Assert.Equal(votes.Count, counted);
        }

        // The restored store searches as soon as a site starts on it: its index was rebuilt by restore.
        await using (var app = await RunningApp.StartAsync(restored))
        {
            using var json = JsonDocument.Parse(await app.Client.GetStringAsync("/api/papers/search?q=sparse%20attention&limit=50"));
            Assert.Equal(40, json.RootElement.GetArrayLength());
        }

        Assert.Equal(1, again.ExitCode);
        Assert.Contains("exists: restore goes into an empty data folder", again.Error, StringComparison.Ordinal);
        Assert.Equal(1, garbage.ExitCode);
        Assert.Contains("not a SQLite database", garbage.Error, StringComparison.Ordinal);
        Assert.Equal(1, overwrite.ExitCode);
        Assert.Contains("a backup never overwrites one", overwrite.Error, StringComparison.Ordinal);
    }
}
