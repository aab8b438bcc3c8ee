using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Ingestion.Sources;

namespace DailyPapers.Tests.Ingestion;

public sealed class ArxivRssReaderTests
{
    private static readonly DateOnly AnnouncementDay = new(2024, 2, 23);

    [Fact]
    public void New_and_cross_listed_items_are_listed_on_the_channel_announcement_day()
    {
        var items = Read("rss_math.OC.xml");

        Assert.Equal(
            [("2402.14001", AnnouncementDay), ("2402.13877", AnnouncementDay)],
            items.Where(i => i.Listing is not null).Select(i => (i.Paper.Id.Value, i.Listing!.Day)));
        Assert.All(items.Where(i => i.Listing is not null), i => Assert.Equal(ListingSource.Arxiv, i.Listing!.Source));
    }

    [Fact]
    public void Replacements_update_metadata_without_a_listing()
    {
        var items = Read("rss_math.OC.xml");

        Assert.Equal(["2310.05555", "2203.01250"], items.Where(i => i.Listing is null).Select(i => i.Paper.Id.Value));
    }

    [Fact]
    public void The_description_is_split_into_id_version_and_abstract()
    {
        var paper = Read("rss_math.OC.xml")[3].Paper;

        Assert.Equal(3, paper.Version);
        Assert.StartsWith("We consider first order local minimization problems", paper.Abstract);
        Assert.Equal(["math.AP", "math.OC"], paper.Categories);
        Assert.Equal(["Antonin Monteil", "Paul Pegon"], paper.Authors);
        Assert.Equal("10.5802/jep.257", paper.Doi);
        Assert.StartsWith("Journal de l'", paper.JournalRef);
        Assert.Equal("http://creativecommons.org/licenses/by/4.0/", paper.License);
    }

    [Fact]
    public void A_new_paper_is_submitted_when_announced_and_a_replacement_updated_then()
    {
        var items = Read("rss_math.OC.xml");
        var announced = new DateTimeOffset(2024, 2, 23, 0, 0, 0, TimeSpan.FromHours(-5));

        Assert.Equal((announced, announced), (items[0].Paper.SubmittedAt, items[0].Paper.UpdatedAt));
        Assert.Equal((null, announced), (items[2].Paper.SubmittedAt, items[2].Paper.UpdatedAt));
    }

    [Fact]
    public void Creators_are_split_and_their_TeX_accents_decoded()
    {
        Assert.Equal(["José Martínez", "Li Wei", "Kai Schmidt"], Read("rss_math.OC.xml")[0].Paper.Authors);
    }

    [Fact]
    public void The_Atom_flavour_lists_new_papers_on_the_day_of_their_published_date()
    {
        var items = Read("atom_math.OC.xml");

        Assert.Equal(("2402.14001", AnnouncementDay), (items[0].Paper.Id.Value, items[0].Listing?.Day));
        Assert.Equal(["math.OC", "cs.LG"], items[0].Paper.Categories);
        Assert.Null(items[1].Listing);
        Assert.Equal(("2203.01250", 3, "10.5802/jep.257"), (items[1].Paper.Id.Value, items[1].Paper.Version, items[1].Paper.Doi));
    }

    [Fact]
    public void An_OAI_PMH_response_is_not_a_feed()
    {
        var ex = Assert.Throws<SourceFormatException>(() =>
            ArxivRssReader.Read(IngestionFixtures.Open("oai_error_noRecordsMatch.xml"), "cs.LG.xml", CancellationToken.None));

        Assert.Equal("cs.LG.xml: expected an arXiv RSS 2.0 or Atom announcement feed (root <rss> or <feed>), found <OAI-PMH>", ex.Message);
    }

    private static List<PaperItem> Read(string fixture) =>
        ArxivRssReader.Read(IngestionFixtures.Open(fixture), fixture, CancellationToken.None).Cast<PaperItem>().ToList();
}
