using System.Diagnostics;
using DailyPapers.Infrastructure.Harvesting;
using DailyPapers.Infrastructure.Hosting;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace DailyPapers.Tests.Harvesting;

/// <summary>The background harvest (a scheduled job) inside a real host: never in the way of start-up, calm when arXiv is unreachable.</summary>
public sealed class HarvestServiceTests
{
    [Fact]
    public async Task With_arxiv_unreachable_the_host_starts_at_once_and_logs_one_warning_without_a_stack_trace()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        var logs = new CapturingLoggerProvider();
        using var host = BuildHost(store, ClosedPort.Uri(), logs);
        var stopwatch = Stopwatch.StartNew();

        await host.StartAsync();
        var startedIn = stopwatch.Elapsed;
        var warning = await WaitForAsync(logs, e => e.Level == LogLevel.Warning, TimeSpan.FromSeconds(10));
        await host.StopAsync();

        Assert.True(startedIn < TimeSpan.FromSeconds(1), $"start took {startedIn}");
        Assert.StartsWith("arXiv is unreachable (", warning.Message, StringComparison.Ordinal);
        Assert.EndsWith("; serving stored papers; next try in 1 min", warning.Message, StringComparison.Ordinal);
        Assert.Null(warning.Exception);
        Assert.Single(logs.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task When_disabled_no_harvest_is_scheduled_and_no_request_made()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using var server = await ArxivTestServer.StartAsync();
        var logs = new CapturingLoggerProvider();
        using var host = BuildHost(store, server.BaseAddress, logs, enabled: false);

        await host.StartAsync();
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var scheduled = await scheduler.GetJobDetail(HarvestJob.Key) is not null;
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        await host.StopAsync();

        Assert.False(scheduled);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task After_a_failure_a_retry_is_scheduled_and_the_streak_kept_in_the_job_data()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        var logs = new CapturingLoggerProvider();
        using var host = BuildHost(store, ClosedPort.Uri(), logs);

        await host.StartAsync();
        await WaitForAsync(logs, e => e.Level == LogLevel.Warning, TimeSpan.FromSeconds(10));
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var retry = await scheduler.GetTrigger(HarvestJob.Retry);
        for (var waited = 0; retry is null && waited < 50; waited++)
        {
            // The warning is logged just before the retry is scheduled.
            await Task.Delay(100);
            retry = await scheduler.GetTrigger(HarvestJob.Retry);
        }

        var job = await scheduler.GetJobDetail(HarvestJob.Key);
        for (var waited = 0; job?.JobDataMap.ContainsKey("failures") != true && waited < 50; waited++)
        {
            // The job's data is stored when its run ends, just after the run schedules the retry.
            await Task.Delay(100);
            job = await scheduler.GetJobDetail(HarvestJob.Key);
        }

        await host.StopAsync();

        Assert.NotNull(retry);
        var inMinutes = retry.NextFireTimeUtc!.Value - DateTimeOffset.UtcNow;
        Assert.InRange(inMinutes, TimeSpan.FromSeconds(50), TimeSpan.FromMinutes(1));
        Assert.Equal("1", job!.JobDataMap["failures"]);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(10, 360)]
    public void Retries_after_1_2_4_minutes_up_to_the_interval(int failures, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), HarvestJob.RetryDelay(failures, TimeSpan.FromHours(6)));

    private static IHost BuildHost(TestStore store, Uri arxiv, CapturingLoggerProvider logs, bool enabled = true)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(HarvestServices.Settings(store, arxiv));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Harvest:Enabled"] = enabled ? "true" : "false",
            ["Harvest:MaxRetries"] = "1",
            ["Harvest:MinRequestInterval"] = "00:00:00.050",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Debug).AddProvider(logs);
        builder.Services.AddPaperStore(builder.Configuration, store.DataDirectory).AddJobScheduler(builder.Configuration)
            .AddArxivHarvesting(builder.Configuration).AddHarvestJob(builder.Configuration);
        return builder.Build();
    }

    private static async Task<LogEntry> WaitForAsync(CapturingLoggerProvider logs, Func<LogEntry, bool> match, TimeSpan timeout)
    {
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < timeout)
        {
            if (logs.Entries.FirstOrDefault(match) is { } entry)
            {
                return entry;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("no such log entry; got: " + string.Join(" | ", logs.Entries.Select(e => $"{e.Level}: {e.Message}")));
    }
}
