using System.Diagnostics;
using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Ingestion;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Community;
using DailyPapers.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DailyPapers.Tests.Operations;

/// <summary>
/// The PostgreSQL backup docs/deploy.md gives (issue 13 §4): <c>pg_dump -Fc</c> of a live store and <c>pg_restore</c>
/// into a new database give the same store back, at this version's schema, and a node starts on it.
/// </summary>
public sealed class PostgresDumpTests
{
    [Fact]
    public async Task Pg_dump_and_pg_restore_as_the_operator_guide_says_give_the_same_store_back()
    {
        var papers = Enumerable.Range(1, 20).Select(i => SamplePapers.Item($"2506.{i:00000}", $"Dumped paper {i}", listedOn: new DateOnly(2025, 6, 10))).ToArray();
        await using var site = await CommunitySite.StartAsync(StoreProvider.Postgres, null, papers);
        var ada = await site.AddReaderAsync("ada@example.org");
        foreach (var id in new[] { "2506.00003", "2506.00007" })
        {
            using var vote = await site.SendAsync(HttpMethod.Post, $"/api/papers/{id}/upvote", ada.Token);
            vote.EnsureSuccessStatusCode();
        }

        var source = new NpgsqlConnectionStringBuilder(site.Store.Options.ConnectionString);
        var dump = Path.Combine(site.Store.DataDirectory, "dailypapers.dump");
        await RunAsync("pg_dump", "-Fc", "-h", source.Host!, "-p", source.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", source.Username!, "-d", source.Database!, "-f", dump);
        await using var restored = await TestStore.CreateAsync(StoreProvider.Postgres, migrate: false);
        var target = new NpgsqlConnectionStringBuilder(restored.Options.ConnectionString);
        await RunAsync("pg_restore", "-h", target.Host!, "-p", target.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", target.Username!, "-d", target.Database!, "--no-owner", dump);

        Assert.True((await StoreSchema.ReadAsync(restored.Factory, CancellationToken.None)).IsCurrent);
        await using var before = site.Store.Factory.CreateContext();
        await using var after = restored.Factory.CreateContext();
        Assert.Equal(await before.Papers.CountAsync(), await after.Papers.CountAsync());
        Assert.Equal(
            await before.Votes.OrderBy(v => v.PaperId).Select(v => v.UserId + " " + v.PaperId).ToListAsync(),
            await after.Votes.OrderBy(v => v.PaperId).Select(v => v.UserId + " " + v.PaperId).ToListAsync());
        Assert.Equal(
            await before.Counters.OrderBy(c => c.Name).Select(c => c.Name + "=" + c.Value).ToListAsync(),
            await after.Counters.OrderBy(c => c.Name).Select(c => c.Name + "=" + c.Value).ToListAsync());
        Assert.True(await after.Users.AnyAsync(u => u.NormalizedEmail == "ADA@EXAMPLE.ORG"));

        // A node on the restored database answers with the same votes.
        await using var app = await RunningApp.StartAsync(restored);
        var paper = await app.Client.GetStringAsync("/api/papers/2506.00007");
        Assert.Contains("\"upvotes\":1", paper, StringComparison.Ordinal);
    }

    /// <summary>PostgreSQL's own tool, from the installation the test command starts the server from.</summary>
    private static async Task RunAsync(string tool, params string[] args)
    {
        var path = Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => d, StringComparer.Ordinal)
            .Select(d => Path.Combine(d, "bin", tool)).First(File.Exists);
        var info = new ProcessStartInfo(path) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool} exited {process.ExitCode}: {await error}");
    }
}
