using System.Net;
using System.Text.RegularExpressions;
using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Ingestion;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Support;

namespace DailyPapers.Tests.Operations;

/// <summary>
/// /metrics as Prometheus reads it (issue 13 §5): the text exposition format line by line as Prometheus's parser
/// accepts it (a TYPE before a family's samples, names and labels by its grammar), request latency by route, the
/// application's own families, and on PostgreSQL the store's query time.
/// </summary>
public sealed partial class MetricsEndpointTests
{
    private static readonly string[] Types = ["counter", "gauge", "histogram", "summary", "untyped"];

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Metrics_are_valid_prometheus_text_with_latency_by_route_and_the_apps_own_families(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var app = await RunningApp.StartAsync(store);
        await new PaperWriter(store.Factory, TimeProvider.System).WriteAsync(
            [SamplePapers.Item("2506.00001", "A paper", listedOn: new DateOnly(2025, 6, 10), source: ListingSource.Hf, upvotes: 3)], CancellationToken.None);
        foreach (var path in new[] { "/papers/date/2025-06-10", "/api/daily_papers?date=2025-06-10", "/papers/2506.00001" })
        {
            using var response = await app.Client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        using var metrics = await app.Client.GetAsync("/metrics");
        var text = await metrics.Content.ReadAsStringAsync();
        var families = CheckExposition(text);

        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.StartsWith("text/plain", metrics.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.Equal("histogram", families["http_server_request_duration_seconds"]);
        Assert.Matches(@"http_server_request_duration_seconds_count\{[^}]*http_route=""/api/daily_papers""[^}]*\} [1-9]", text);
        Assert.Matches(@"http_server_request_duration_seconds_bucket\{[^}]*http_route=""papers/date/\{date\?\}""", text);
        Assert.Equal("counter", families["dailypapers_papers_written_total"]);
        Assert.Matches(@"(?m)^dailypapers_papers_written_total(\{[^}]*\})? [1-9]", text);
        Assert.Equal("gauge", families["dailypapers_outbox_pending"]);
        Assert.Equal("gauge", families["dailypapers_outbox_oldest_age_seconds"]);
        Assert.Equal("gauge", families["dailypapers_search_index_lag"]);
        Assert.Equal("gauge", families["dailypapers_embedding_backlog"]);
        if (provider == StoreProvider.Postgres)
        {
            // Store query time, from Npgsql's own meter: every command, EF's and the readers' plain ADO.NET ones.
            Assert.Equal("histogram", families["db_client_operation_duration_seconds"]);
            Assert.Matches(@"db_client_operation_duration_seconds_count\{[^}]*\} [1-9]", text);
        }
    }

    /// <summary>
    /// Every line by the text format's grammar; each sample after its family's TYPE. Returns each family's type.
    /// </summary>
    private static Dictionary<string, string> CheckExposition(string text)
    {
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n').Where(l => l.Length > 0))
        {
            if (line.StartsWith('#'))
            {
                var comment = Comment().Match(line);
                Assert.True(comment.Success || line == "# EOF", $"not a valid comment line: {line}");
                if (comment.Success && comment.Groups["kind"].Value == "TYPE")
                {
                    var type = comment.Groups["rest"].Value;
                    Assert.Contains(type, Types);
                    Assert.True(types.TryAdd(comment.Groups["name"].Value, type), $"a second TYPE for {comment.Groups["name"].Value}");
                }

                continue;
            }

            var sample = Sample().Match(line);
            Assert.True(sample.Success, $"not a valid sample line: {line}");
            var name = sample.Groups["name"].Value;
            var family = types.Keys.FirstOrDefault(f => name == f || (name.StartsWith(f, StringComparison.Ordinal) && name[f.Length..] is "_bucket" or "_sum" or "_count"));
            Assert.True(family is not null, $"a sample before its family's TYPE: {line}");
        }

        return types;
    }

    [GeneratedRegex(@"^# (?<kind>HELP|TYPE) (?<name>[a-zA-Z_:][a-zA-Z0-9_:]*) (?<rest>.*)$")]
    private static partial Regex Comment();

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{([a-zA-Z_][a-zA-Z0-9_]*=""(\\.|[^""\\])*"",?)*\})? (-?[0-9.]+([eE][-+]?[0-9]+)?|NaN|\+Inf|-Inf)( -?[0-9]+)?$")]
    private static partial Regex Sample();
}
