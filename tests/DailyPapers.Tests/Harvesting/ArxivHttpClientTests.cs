using System.Diagnostics;
using System.Globalization;
using DailyPapers.Infrastructure.Harvesting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DailyPapers.Tests.Harvesting;

/// <summary>The politeness rules of the one client that talks to arXiv, measured at a real local server.</summary>
public sealed class ArxivHttpClientTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    [Fact]
    public async Task Concurrent_callers_are_served_one_at_a_time_at_least_the_interval_apart()
    {
        await using var server = await ArxivTestServer.StartAsync();
        for (var i = 0; i < 4; i++)
        {
            server.Enqueue(ScriptedResponse.Xml($"<ok>{i}</ok>") with { Delay = TimeSpan.FromMilliseconds(50) });
        }

        using var client = Client();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => ReadAsync(client, server.BaseAddress))));

        Assert.Equal(1, server.MaxConcurrentRequests);
        var requests = server.Requests.OrderBy(r => r.ArrivedAt).ToList();
        Assert.Equal(4, requests.Count);
        Assert.All(requests.Zip(requests.Skip(1)), pair => Assert.True(
            pair.Second.ArrivedAt - pair.First.ArrivedAt >= Interval,
            $"requests arrived {(pair.Second.ArrivedAt - pair.First.ArrivedAt).TotalMilliseconds:0} ms apart"));
    }

    [Fact]
    public async Task Every_request_carries_the_configured_user_agent()
    {
        await using var server = await ArxivTestServer.StartAsync();
        server.Enqueue(ScriptedResponse.Xml("<ok/>"));
        using var client = Client();

        await ReadAsync(client, server.BaseAddress);

        Assert.Equal("DailyPapers-tests/1.0 (mailto:tests@example.org)", Assert.Single(server.Requests).UserAgent);
    }

    [Fact]
    public async Task A_503_with_Retry_After_in_seconds_is_waited_out_then_retried()
    {
        await using var server = await ArxivTestServer.StartAsync();
        server.Enqueue(ScriptedResponse.Error(503, retryAfter: "1"), ScriptedResponse.Xml("<ok/>"));
        using var client = Client();

        var body = await ReadAsync(client, server.BaseAddress);

        Assert.Equal("<ok/>", body);
        var requests = server.Requests;
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].ArrivedAt - requests[0].ArrivedAt >= TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_503_with_Retry_After_as_a_date_is_waited_out_then_retried()
    {
        await using var server = await ArxivTestServer.StartAsync();
        var at = DateTimeOffset.UtcNow.AddSeconds(2).ToString("R", CultureInfo.InvariantCulture);
        server.Enqueue(ScriptedResponse.Error(503, retryAfter: at), ScriptedResponse.Xml("<ok/>"));
        using var client = Client();

        await ReadAsync(client, server.BaseAddress);

        var requests = server.Requests;
        Assert.Equal(2, requests.Count);
        // The date has whole seconds, so the wait is between one and two of them.
        Assert.True(requests[1].ArrivedAt - requests[0].ArrivedAt >= TimeSpan.FromSeconds(0.9));
    }

    [Fact]
    public async Task A_Retry_After_longer_than_the_cap_fails_at_once_instead_of_holding_the_caller()
    {
        await using var server = await ArxivTestServer.StartAsync();
        server.Enqueue(ScriptedResponse.Error(503, retryAfter: "3600"));
        using var client = Client();

        var error = await Assert.ThrowsAsync<ArxivUnavailableException>(() => ReadAsync(client, server.BaseAddress));

        Assert.Contains("01:00:00", error.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Server_errors_are_retried_up_to_MaxRetries_then_reported_as_unavailable()
    {
        await using var server = await ArxivTestServer.StartAsync();
        server.Enqueue(ScriptedResponse.Error(500), ScriptedResponse.Error(502), ScriptedResponse.Error(500));
        using var client = Client(maxRetries: 2);

        var error = await Assert.ThrowsAsync<ArxivUnavailableException>(() => ReadAsync(client, server.BaseAddress));

        Assert.Contains("after 3 attempts: HTTP 500", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task A_404_is_not_retried()
    {
        await using var server = await ArxivTestServer.StartAsync();
        server.Enqueue(ScriptedResponse.Error(404));
        using var client = Client(maxRetries: 3);

        var error = await Assert.ThrowsAsync<ArxivRequestException>(() => ReadAsync(client, server.BaseAddress));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, error.StatusCode);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_request_that_times_out_is_retried()
    {
        await using var server = await ArxivTestServer.StartAsync();
        server.Enqueue(ScriptedResponse.Xml("<slow/>") with { Delay = TimeSpan.FromSeconds(2) }, ScriptedResponse.Xml("<ok/>"));
        using var client = Client(timeout: TimeSpan.FromMilliseconds(300));

        Assert.Equal("<ok/>", await ReadAsync(client, server.BaseAddress));
    }

    [Fact]
    public async Task A_closed_port_is_reported_as_unavailable_without_waiting_long()
    {
        using var client = Client(maxRetries: 1);
        var stopwatch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<ArxivUnavailableException>(() => ReadAsync(client, ClosedPort.Uri()));

        Assert.Contains("after 2 attempts", error.Message, StringComparison.Ordinal);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(3));
    }

    private static ArxivHttpClient Client(int maxRetries = 2, TimeSpan? timeout = null) => new(
        Options.Create(new HarvestOptions
        {
            MinRequestInterval = Interval,
            MaxRetries = maxRetries,
            RequestTimeout = timeout ?? TimeSpan.FromSeconds(5),
            UserAgent = "DailyPapers-tests/1.0 (mailto:tests@example.org)",
        }),
        TimeProvider.System,
        NullLogger<ArxivHttpClient>.Instance);

    private static async Task<string> ReadAsync(ArxivHttpClient client, Uri uri)
    {
        await using var body = await client.GetAsync(uri, CancellationToken.None);
        using var reader = new StreamReader(body);
        return await reader.ReadToEndAsync();
    }
}
