using DailyPapers.Infrastructure.Harvesting;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DailyPapers.Tests.Harvesting;

/// <summary>OAI-PMH harvests of recorded arXiv pages served over a real socket into a real SQLite store.</summary>
public sealed class OaiPmhHarvesterTests
{
    private static readonly DateOnly SampleFrom = new(2024, 1, 25);

    [Fact]
    public async Task A_two_page_list_with_cursor_is_stored_whole_and_the_second_request_uses_the_token()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using var server = await ArxivTestServer.StartAsync();
        server.Enqueue(ScriptedResponse.Xml(ArxivSamples.OaiDcFirstPage), ScriptedResponse.Xml(ArxivSamples.HepExLastPageWithCursor));
        await using var services = HarvestServices.Build(store, server.BaseAddress);
        var progress = new List<HarvestProgress>();

        var result = await Harvester(services).HarvestAsync(new OaiPmhHarvestRequest("cs") { From = SampleFrom }, new ListProgress(progress), CancellationToken.None);

        Assert.Equal((2, 8, 8), (result.Pages, result.Records, result.Summary.New));
        Assert.Equal(Ids(ArxivSamples.OaiDcIds, ArxivSamples.HepExIds), await PaperIdsAsync(store));
        var requests = server.Requests;
        Assert.Equal(("ListRecords", "arXiv", "cs", "2024-01-25"), (requests[0]["verb"], requests[0]["metadataPrefix"], requests[0]["set"], requests[0]["from"]));
        Assert.Equal(("ListRecords", ArxivSamples.OaiDcToken, null), (requests[1]["verb"], requests[1]["resumptionToken"], requests[1]["set"]));
        Assert.Equal((0, 1162), (progress[0].Cursor, progress[0].CompleteListSize));
        Assert.Null(progress[1].ResumptionToken);
    }

    [Fact]
    public async Task A_2025_style_list_without_cursor_or_final_token_is_followed_to_its_end()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using var server = await ArxivTestServer.StartAsync();
        server.Enqueue(ScriptedResponse.Xml(ArxivSamples.HepThPageWithBareToken("opaque-2025-token")), ScriptedResponse.Xml(ArxivSamples.HepExLastPage));
        await using var services = HarvestServices.Build(store, server.BaseAddress);
        var progress = new List<HarvestProgress>();

        var result = await Harvester(services).HarvestAsync(new OaiPmhHarvestRequest("physics") { From = SampleFrom }, new ListProgress(progress), CancellationToken.None);

        Assert.Equal(2, result.Pages);
        Assert.Equal(Ids(ArxivSamples.HepThIds, ArxivSamples.HepExIds), await PaperIdsAsync(store));
        Assert.Equal("opaque-2025-token", server.Requests[1]["resumptionToken"]);
        Assert.Equal(("opaque-2025-token", null, null), (progress[0].ResumptionToken, progress[0].Cursor, progress[0].CompleteListSize));
    }

    [Fact]
    public async Task Requests_of_a_harvest_arrive_at_least_MinRequestInterval_apart()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using var server = await ArxivTestServer.StartAsync();
        server.Enqueue(
            ScriptedResponse.Xml(ArxivSamples.HepThPageWithBareToken("a")),
            ScriptedResponse.Xml(ArxivSamples.HepThPageWithBareToken("b")),
            ScriptedResponse.Xml(ArxivSamples.HepExLastPage));
        await using var services = HarvestServices.Build(store, server.BaseAddress);

        await Harvester(services).HarvestAsync(new OaiPmhHarvestRequest("physics") { From = SampleFrom }, null, CancellationToken.None);

        var arrivals = server.Requests.Select(r => r.ArrivedAt).ToList();
        Assert.Equal(3, arrivals.Count);
        Assert.All(arrivals.Zip(arrivals.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromMilliseconds(200)));
        Assert.Equal(1, server.MaxConcurrentRequests);
    }

    [Fact]
    public async Task A_server_error_after_the_first_page_fails_the_run_and_the_next_run_resumes_with_nothing_missing()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using var server = await ArxivTestServer.StartAsync();
        server.Enqueue(ScriptedResponse.Xml(ArxivSamples.OaiDcFirstPage), ScriptedResponse.Error(500), ScriptedResponse.Error(500));
        await using var services = HarvestServices.Build(store, server.BaseAddress, new Dictionary<string, string?> { ["Harvest:MaxRetries"] = "1" });
        var request = new OaiPmhHarvestRequest("cs") { From = SampleFrom };

        await Assert.ThrowsAsync<ArxivUnavailableException>(() => Harvester(services).HarvestAsync(request, null, CancellationToken.None));
        var afterFailure = await PaperIdsAsync(store);
        server.Enqueue(ScriptedResponse.Xml(ArxivSamples.HepExLastPageWithCursor));
        var second = await Harvester(services).HarvestAsync(request, null, CancellationToken.None);

        Assert.Equal(ArxivSamples.OaiDcIds, afterFailure);
        Assert.True(second.Resumed);
        Assert.Equal((1, 3), (second.Pages, second.Summary.New));
        Assert.Equal(ArxivSamples.OaiDcToken, server.Requests[^1]["resumptionToken"]);
        Assert.Equal(Ids(ArxivSamples.OaiDcIds, ArxivSamples.HepExIds), await PaperIdsAsync(store));
        Assert.Null(await services.GetRequiredService<HarvestCheckpoints>().GetResumptionAsync("cs", CancellationToken.None));
    }

    [Fact]
    public async Task An_expired_saved_token_restarts_the_list_from_the_same_day_and_still_loses_nothing()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using var server = await ArxivTestServer.StartAsync();
        server.Enqueue(ScriptedResponse.Xml(ArxivSamples.OaiDcFirstPage), ScriptedResponse.Error(500));
        await using var services = HarvestServices.Build(store, server.BaseAddress, new Dictionary<string, string?> { ["Harvest:MaxRetries"] = "0" });
        var request = new OaiPmhHarvestRequest("cs") { From = SampleFrom };
        await Assert.ThrowsAsync<ArxivUnavailableException>(() => Harvester(services).HarvestAsync(request, null, CancellationToken.None));
        server.Enqueue(
            ScriptedResponse.Xml(ArxivSamples.OaiError("badResumptionToken", "The value of the resumptionToken argument is invalid or expired.")),
            ScriptedResponse.Xml(ArxivSamples.OaiDcFirstPage),
            ScriptedResponse.Xml(ArxivSamples.HepExLastPageWithCursor));

        var second = await Harvester(services).HarvestAsync(request, null, CancellationToken.None);

        Assert.False(second.Resumed);
        Assert.Equal(("cs", "2024-01-25"), (server.Requests[3]["set"], server.Requests[3]["from"]));
        Assert.Equal(Ids(ArxivSamples.OaiDcIds, ArxivSamples.HepExIds), await PaperIdsAsync(store));
    }

    [Fact]
    public async Task A_first_harvest_that_failed_and_whose_token_expired_restarts_from_its_own_start_day()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using var server = await ArxivTestServer.StartAsync();
        server.Enqueue(ScriptedResponse.Xml(ArxivSamples.OaiDcFirstPage), ScriptedResponse.Error(500));
        await using var services = HarvestServices.Build(store, server.BaseAddress, new Dictionary<string, string?> { ["Harvest:MaxRetries"] = "0" });
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 2, 1, 20, 0, 0, TimeSpan.Zero));
        var harvester = ActivatorUtilities.CreateInstance<OaiPmhHarvester>(services, clock);
        await Assert.ThrowsAsync<ArxivUnavailableException>(() => harvester.HarvestAsync(new OaiPmhHarvestRequest("cs"), null, CancellationToken.None));
        clock.Advance(TimeSpan.FromDays(3));
        server.Enqueue(ScriptedResponse.Xml(ArxivSamples.OaiDcFirstPage), ScriptedResponse.Xml(ArxivSamples.HepExLastPageWithCursor));

        var second = await harvester.HarvestAsync(new OaiPmhHarvestRequest("cs"), null, CancellationToken.None);

        // Seven days before 2024-02-01, not before 2024-02-04: the days the first run did not finish are not skipped.
        Assert.Equal("2024-01-25", server.Requests[0]["from"]);
        Assert.Equal(("2024-01-25", null), (server.Requests[2]["from"], server.Requests[2]["resumptionToken"]));
        Assert.Equal((false, 2), (second.Resumed, second.Pages));
    }

    [Fact]
    public async Task The_remembered_datestamp_is_the_from_of_the_next_incremental_run()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using var server = await ArxivTestServer.StartAsync();
        server.Enqueue(ScriptedResponse.Xml(ArxivSamples.OaiDcFirstPage), ScriptedResponse.Xml(ArxivSamples.HepExLastPageWithCursor));
        await using var services = HarvestServices.Build(store, server.BaseAddress);
        var first = await Harvester(services).HarvestAsync(new OaiPmhHarvestRequest("cs") { From = SampleFrom }, null, CancellationToken.None);
        server.Enqueue(ScriptedResponse.Xml(ArxivSamples.OaiError("noRecordsMatch", "The combination of arguments results in an empty list.")));

        var second = await Harvester(services).HarvestAsync(new OaiPmhHarvestRequest("cs"), null, CancellationToken.None);

        // The first list started on 2024-01-27 (responseDate); one day back covers any time-zone doubt.
        Assert.Equal(new DateOnly(2024, 1, 26), first.Datestamp);
        Assert.Equal("2024-01-26", server.Requests[^1]["from"]);
        Assert.Equal((0, new DateOnly(2024, 1, 27)), (second.Records, second.Datestamp));
    }

    [Fact]
    public async Task The_first_incremental_run_of_a_set_starts_InitialDays_ago()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using var server = await ArxivTestServer.StartAsync();
        server.Enqueue(ScriptedResponse.Xml(ArxivSamples.OaiError("noRecordsMatch", "Empty list.")));
        await using var services = HarvestServices.Build(store, server.BaseAddress, new Dictionary<string, string?> { ["Harvest:InitialDays"] = "7" });

        await Harvester(services).HarvestAsync(new OaiPmhHarvestRequest("cs"), null, CancellationToken.None);

        var expected = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected, Assert.Single(server.Requests)["from"]);
    }

    [Fact]
    public async Task An_OAI_badArgument_error_fails_with_the_code_and_the_servers_message()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using var server = await ArxivTestServer.StartAsync();
        server.Enqueue(ScriptedResponse.Xml(ArxivSamples.OaiError("badArgument", "Illegal set: nosuchset")));
        await using var services = HarvestServices.Build(store, server.BaseAddress);

        var error = await Assert.ThrowsAsync<OaiPmhException>(() =>
            Harvester(services).HarvestAsync(new OaiPmhHarvestRequest("nosuchset") { From = SampleFrom }, null, CancellationToken.None));

        Assert.Equal("badArgument", error.ErrorCode);
        Assert.Contains("Illegal set: nosuchset", error.Message, StringComparison.Ordinal);
        Assert.Null(await services.GetRequiredService<HarvestCheckpoints>().GetDatestampAsync("nosuchset", CancellationToken.None));
    }

    [Fact]
    public async Task Papers_outside_the_requested_categories_are_left_out()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using var server = await ArxivTestServer.StartAsync();
        server.Enqueue(ScriptedResponse.Xml(ArxivSamples.OaiDcFirstPage), ScriptedResponse.Xml(ArxivSamples.HepExLastPageWithCursor));
        await using var services = HarvestServices.Build(store, server.BaseAddress);
        var request = new OaiPmhHarvestRequest("cs") { From = SampleFrom, Categories = ["cs.CV", "cs.LG"] };

        var result = await Harvester(services).HarvestAsync(request, null, CancellationToken.None);

        Assert.Equal((8, 3), (result.Records, result.Summary.New));
        Assert.Equal(["2401.14034", "2401.14036", "2401.14038"], await PaperIdsAsync(store));
    }

    private static List<string> Ids(params string[][] groups) => [.. groups.SelectMany(g => g).Order(StringComparer.Ordinal)];

    private static OaiPmhHarvester Harvester(IServiceProvider services) => services.GetRequiredService<OaiPmhHarvester>();

    private static async Task<List<string>> PaperIdsAsync(TestStore store)
    {
        await using var context = store.Factory.CreateContext();
        return await context.Papers.Select(p => p.Id).OrderBy(id => id).ToListAsync();
    }

    private sealed class ListProgress(List<HarvestProgress> reports) : IProgress<HarvestProgress>
    {
        public void Report(HarvestProgress value) => reports.Add(value);
    }
}
