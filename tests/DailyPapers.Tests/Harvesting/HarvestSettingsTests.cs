using DailyPapers.Infrastructure.Harvesting;

namespace DailyPapers.Tests.Harvesting;

/// <summary>From configured categories to OAI-PMH sets, and the checks on the Harvest section.</summary>
public sealed class HarvestSettingsTests
{
    [Fact]
    public void The_default_categories_are_harvested_from_sets_cs_and_stat()
    {
        var options = new HarvestOptions { Categories = "cs.LG cs.CL cs.CV cs.AI stat.ML" };

        Assert.Equal(["cs", "stat"], options.Sets);
    }

    [Theory]
    [InlineData("hep-th", "physics:hep-th")]
    [InlineData("cond-mat.mes-hall", "physics:cond-mat")]
    [InlineData("math.NA", "math")]
    [InlineData("q-bio.NC", "q-bio")]
    [InlineData("eess.IV", "eess")]
    public void A_category_maps_to_the_archive_level_set_both_servers_accept(string category, string set) =>
        Assert.Equal(set, ArxivSets.SetFor(category));

    [Theory]
    [InlineData("cs", "cs.LG cs.CL")]
    [InlineData("cs:cs:LG", "cs.LG")]
    [InlineData("stat", "stat.ML")]
    [InlineData("physics:hep-th", "")]
    public void A_set_is_filtered_to_the_configured_categories_it_holds(string set, string within) =>
        Assert.Equal(within, string.Join(' ', ArxivSets.CategoriesWithin(set, ["cs.LG", "cs.CL", "stat.ML"])));

    [Fact]
    public void An_unknown_category_and_a_relative_url_are_named_in_the_validation_errors()
    {
        var result = new HarvestOptionsValidator().Validate(null, new HarvestOptions { Categories = "cs.LG machine-learning", OaiPmhBaseUrl = "oaipmh.arxiv.org/oai" });

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains("\"machine-learning\"", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("Harvest:OaiPmhBaseUrl", StringComparison.Ordinal));
    }

    [Fact]
    public void The_shipped_defaults_are_valid() =>
        Assert.True(new HarvestOptionsValidator().Validate(null, new HarvestOptions()).Succeeded);
}
