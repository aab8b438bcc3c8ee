using System.Diagnostics;
using DailyPapers.Infrastructure.Harvesting;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DailyPapers.Tests.Harvesting;

/// <summary>The background harvest inside a real host: never in the way of start-up, calm when arXiv is unreachable.</summary>
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
    public async Task When_disabled_the_service_makes_no_request()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using var server = await ArxivTestServer.StartAsync();
        var logs = new CapturingLoggerProvider();
        using var host = BuildHost(store, server.BaseAddress, logs, enabled: false);

        await host.StartAsync();
        await WaitForAsync(logs, e => e.Message.Contains("harvesting is off", StringComparison.Ordinal), TimeSpan.FromSeconds(5));
        await host.StopAsync();

        Assert.Empty(server.Requests);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(10, 360)]
    public void Retries_after_1_2_4_minutes_up_to_the_interval(int failures, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), HarvestService.RetryDelay(failures, TimeSpan.FromHours(6)));

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
        builder.Services.AddPaperStore(builder.Configuration, store.DataDirectory).AddArxivHarvesting(builder.Configuration);
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
