using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Harvesting;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Ingestion;
using DailyPapers.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DailyPapers.Tests.Harvesting;

/// <summary>Looking one paper up on the arXiv API by id, against a fake arXiv serving recorded answers.</summary>
public sealed class ArxivPaperLookupTests : IDisposable
{
    private readonly List<ArxivHttpClient> _clients = [];

    [Fact]
    public async Task A_known_id_gives_the_paper_as_arXiv_describes_it()
    {
        await using var server = await ArxivTestServer.StartAsync();
        server.Enqueue(ScriptedResponse.Xml(ArxivSamples.Feed("arxiv_api_id_list_1503.01162.atom.xml")));
        var lookup = Lookup(ApiUrl(server));

        var paper = await lookup.FindAsync(ArxivId.Parse("1503.01162"), CancellationToken.None);

        Assert.NotNull(paper);
        Assert.Equal(("1503.01162", 1), (paper.Id.Value, paper.Version));
        Assert.StartsWith("Report on a Boston University Conference December 7-8, 2012 on 'How Can the History", paper.Title, StringComparison.Ordinal);
        Assert.Equal(["Peter Garik", "Yann Benétreau-Dupin"], paper.Authors);
        Assert.StartsWith("This is an editorial report on the outcomes of an international conference sponsored", paper.Abstract, StringComparison.Ordinal);
        Assert.Equal(["physics.ed-ph", "physics.hist-ph", "physics.soc-ph"], paper.Categories);
        var submitted = new DateTimeOffset(2015, 3, 3, 23, 35, 54, TimeSpan.Zero);
        Assert.Equal((submitted, submitted), (paper.SubmittedAt, paper.UpdatedAt));
        Assert.Equal("10.1007/s11191-014-9716-8", paper.Doi);
    }

    [Fact]
    public async Task The_query_asks_for_the_bare_id_so_arXiv_answers_with_the_newest_version()
    {
        await using var server = await ArxivTestServer.StartAsync();
        server.Enqueue(ScriptedResponse.Xml(ArxivSamples.Feed("arxiv_api_id_list_1503.01162.atom.xml")));
        var lookup = Lookup(ApiUrl(server));

        await lookup.FindAsync(ArxivId.Parse("arXiv:1503.01162v1"), CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("/api/query", "1503.01162"), (request.Path, request["id_list"]));
    }

    [Fact]
    public async Task An_id_arXiv_does_not_know_gives_null()
    {
        await using var server = await ArxivTestServer.StartAsync();
        server.Enqueue(ScriptedResponse.Xml(ArxivSamples.Feed("arxiv_api_id_list_unknown.atom.xml")));
        var lookup = Lookup(ApiUrl(server));

        Assert.Null(await lookup.FindAsync(ArxivId.Parse("2406.99999"), CancellationToken.None));
    }

    [Fact]
    public async Task An_error_entry_served_with_200_gives_null()
    {
        await using var server = await ArxivTestServer.StartAsync();
        server.Enqueue(ScriptedResponse.Xml(File.ReadAllText(IngestionFixtures.Path("arxiv_api_error.atom.xml"))));
        var lookup = Lookup(ApiUrl(server));

        Assert.Null(await lookup.FindAsync(ArxivId.Parse("2406.12345"), CancellationToken.None));
    }

    [Fact]
    public async Task An_id_refused_as_malformed_with_400_gives_null_without_retrying()
    {
        await using var server = await ArxivTestServer.StartAsync();
        server.Enqueue(new ScriptedResponse(400, File.ReadAllText(IngestionFixtures.Path("arxiv_api_error.atom.xml"))));
        var lookup = Lookup(ApiUrl(server));

        Assert.Null(await lookup.FindAsync(ArxivId.Parse("hep-th/9901001"), CancellationToken.None));
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task An_old_style_id_is_asked_for_and_read_back_with_its_archive()
    {
        await using var server = await ArxivTestServer.StartAsync();
        server.Enqueue(ScriptedResponse.Xml(ArxivSamples.Feed("arxiv_api_id_list_quant-ph_0210005.atom.xml")));
        var lookup = Lookup(ApiUrl(server));

        var paper = await lookup.FindAsync(ArxivId.Parse("quant-ph/0210005"), CancellationToken.None);

        Assert.Equal("quant-ph/0210005", Assert.Single(server.Requests)["id_list"]);
        Assert.NotNull(paper);
        Assert.Equal(("quant-ph/0210005", 1, "Quantum information science and complex quantum systems"), (paper.Id.Value, paper.Version, paper.Title));
        Assert.Equal(["Michael A. Nielsen"], paper.Authors);
        Assert.Equal(["quant-ph"], paper.Categories);
        Assert.Equal(new DateTimeOffset(2002, 10, 1, 13, 23, 14, TimeSpan.Zero), paper.SubmittedAt);
    }

    [Fact]
    public async Task A_503_is_retried_by_the_shared_client_and_the_second_answer_is_used()
    {
        await using var server = await ArxivTestServer.StartAsync();
        server.Enqueue(ScriptedResponse.Error(503), ScriptedResponse.Xml(ArxivSamples.Feed("arxiv_api_id_list_1503.01162.atom.xml")));
        var lookup = Lookup(ApiUrl(server));

        var paper = await lookup.FindAsync(ArxivId.Parse("1503.01162"), CancellationToken.None);

        Assert.Equal("1503.01162", paper?.Id.Value);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task An_unreachable_arXiv_is_reported_as_unavailable_in_words_fit_for_a_user()
    {
        var lookup = Lookup(new Uri(ClosedPort.Uri(), "api/query").ToString());

        var error = await Assert.ThrowsAsync<ArxivUnavailableException>(() => lookup.FindAsync(ArxivId.Parse("1503.01162"), CancellationToken.None));

        Assert.Equal("arXiv did not answer; try again in a few minutes.", error.Message);
        Assert.Contains("after 2 attempts", Assert.IsType<ArxivUnavailableException>(error.InnerException).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_HTML_page_instead_of_a_feed_is_reported_as_unavailable()
    {
        await using var server = await ArxivTestServer.StartAsync();
        server.Enqueue(new ScriptedResponse(200, "<!DOCTYPE html><html><body>Down for maintenance</body></html>") { ContentType = "text/html" });
        var lookup = Lookup(ApiUrl(server));

        var error = await Assert.ThrowsAsync<ArxivUnavailableException>(() => lookup.FindAsync(ArxivId.Parse("1503.01162"), CancellationToken.None));

        Assert.Equal(ArxivPaperLookup.UnavailableMessage, error.Message);
    }

    [Fact]
    public async Task The_registered_lookup_shares_the_harvesters_client_so_its_request_carries_the_same_User_Agent()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using var server = await ArxivTestServer.StartAsync();
        server.Enqueue(
            ScriptedResponse.Xml(ArxivSamples.Feed("rss_empty_weekend.xml")),
            ScriptedResponse.Xml(ArxivSamples.Feed("arxiv_api_id_list_1503.01162.atom.xml")));
        await using var services = HarvestServices.Build(store, server.BaseAddress, new Dictionary<string, string?> { ["Harvest:ApiBaseUrl"] = ApiUrl(server) });

        await services.GetRequiredService<ArxivFeedHarvester>().HarvestAsync("cs.CV", null, CancellationToken.None);
        await services.GetRequiredService<ArxivPaperLookup>().FindAsync(ArxivId.Parse("1503.01162"), CancellationToken.None);

        var requests = server.Requests;
        Assert.Equal(["/rss/cs.CV", "/api/query"], requests.Select(r => r.Path));
        Assert.Equal(requests[0].UserAgent, requests[1].UserAgent);
        Assert.Equal(HarvestServices.Settings(store, server.BaseAddress)["Harvest:UserAgent"], requests[1].UserAgent);
    }

    [Fact]
    public async Task The_registered_lookup_waits_the_harvest_interval_after_a_harvesters_request()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using var server = await ArxivTestServer.StartAsync();
        server.Enqueue(
            ScriptedResponse.Xml(ArxivSamples.Feed("rss_empty_weekend.xml")),
            ScriptedResponse.Xml(ArxivSamples.Feed("arxiv_api_id_list_1503.01162.atom.xml")));
        await using var services = HarvestServices.Build(store, server.BaseAddress, new Dictionary<string, string?> { ["Harvest:ApiBaseUrl"] = ApiUrl(server) });

        await services.GetRequiredService<ArxivFeedHarvester>().HarvestAsync("cs.CV", null, CancellationToken.None);
        await services.GetRequiredService<ArxivPaperLookup>().FindAsync(ArxivId.Parse("1503.01162"), CancellationToken.None);

        var requests = server.Requests;
        Assert.True(requests[1].ArrivedAt - requests[0].ArrivedAt >= TimeSpan.FromMilliseconds(200),
            $"the look-up arrived {(requests[1].ArrivedAt - requests[0].ArrivedAt).TotalMilliseconds:0} ms after the feed request");
    }

    private static string ApiUrl(ArxivTestServer server) => new Uri(server.BaseAddress, "api/query").ToString();

    public void Dispose()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }
    }

    private ArxivPaperLookup Lookup(string apiBaseUrl)
    {
        var options = Options.Create(new HarvestOptions
        {
            ApiBaseUrl = apiBaseUrl,
            MinRequestInterval = TimeSpan.FromMilliseconds(200),
            MaxRetries = 1,
            RequestTimeout = TimeSpan.FromSeconds(5),
            UserAgent = "DailyPapers-tests/1.0 (look-up tests)",
        });
        var http = new ArxivHttpClient(options, TimeProvider.System, NullLogger<ArxivHttpClient>.Instance);
        _clients.Add(http);
        return new ArxivPaperLookup(http, options, NullLogger<ArxivPaperLookup>.Instance);
    }
}
