using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Harvesting;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DailyPapers.Tests.Harvesting;

/// <summary>A whole scheduled run: the feeds of the configured categories, then their OAI-PMH sets, filtered to them.</summary>
public sealed class ArxivHarvesterTests
{
    [Fact]
    public async Task A_run_lists_new_and_cross_listed_feed_papers_on_their_day_and_keeps_only_configured_categories_from_the_set()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using var server = await ArxivTestServer.StartAsync();
        server.Enqueue(
            ScriptedResponse.Xml(ArxivSamples.Feed("rss_cs.LG.xml")),
            ScriptedResponse.Xml(ArxivSamples.Feed("rss_empty_weekend.xml")),
            ScriptedResponse.Xml(ArxivSamples.OaiDcFirstPage),
            ScriptedResponse.Xml(ArxivSamples.HepExLastPageWithCursor));
        await using var services = HarvestServices.Build(store, server.BaseAddress, new Dictionary<string, string?> { ["Harvest:Categories"] = "cs.LG cs.CV" });

        var report = await services.GetRequiredService<ArxivHarvester>()
            .RunAsync(new ArxivHarvestRequest { From = new DateOnly(2024, 1, 25) }, null, CancellationToken.None);

        Assert.True(report.Succeeded);
        Assert.Equal(["/rss/cs.LG", "/rss/cs.CV", "/oai", "/oai"], server.Requests.Select(r => r.Path));
        Assert.Equal("cs", server.Requests[2]["set"]);
        await using var context = store.Factory.CreateContext();
        var listed = await context.Listings.Where(l => l.Source == ListingSource.Arxiv).Select(l => new { l.PaperId, l.Day }).OrderBy(l => l.PaperId).ToListAsync();
        Assert.Equal(["2402.13877", "2402.14001"], listed.Select(l => l.PaperId));
        Assert.All(listed, l => Assert.Equal(new DateOnly(2024, 2, 23), l.Day));
        var papers = await context.Papers.Select(p => p.Id).OrderBy(id => id).ToListAsync();
        // Feed papers (three, the replacement unlisted) and the cs.CV papers of the set; not cs.DS, cs.CL or hep-ex.
        Assert.Equal(["2310.05555", "2401.14034", "2401.14036", "2401.14038", "2402.13877", "2402.14001"], papers);
    }

    [Fact]
    public async Task An_unreachable_arxiv_stops_the_run_at_the_first_step_instead_of_waiting_out_every_step()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using var services = HarvestServices.Build(store, ClosedPort.Uri(), new Dictionary<string, string?> { ["Harvest:MaxRetries"] = "0" });

        var report = await services.GetRequiredService<ArxivHarvester>().RunAsync(new ArxivHarvestRequest(), null, CancellationToken.None);

        var failure = Assert.Single(report.Failures);
        Assert.Equal("feed cs.LG", failure.Step);
        Assert.IsType<ArxivUnavailableException>(failure.Error);
    }
}
