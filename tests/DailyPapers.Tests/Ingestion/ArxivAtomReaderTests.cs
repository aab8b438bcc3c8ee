using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Ingestion.Sources;
using DailyPapers.Tests.Support;

namespace DailyPapers.Tests.Ingestion;

public sealed class ArxivAtomReaderTests
{
    private const string Sample2019 = "arxiv_api_query_all-science_10entries_2019.atom.xml";

    [Fact]
    public void The_2019_sample_gives_10_unlisted_papers_with_the_primary_category_first()
    {
        var feed = ReadSample();

        var papers = feed.Items.Cast<PaperItem>().ToList();
        Assert.Equal(10, papers.Count);
        Assert.All(papers, p => Assert.Null(p.Listing));
        Assert.Equal(["physics.ed-ph", "physics.hist-ph", "physics.soc-ph"], papers[1].Paper.Categories);
        Assert.Equal(["cs.DB", "cs.CY"], papers[0].Paper.Categories);
    }

    [Fact]
    public void The_2019_sample_reads_the_OpenSearch_paging_counts()
    {
        var feed = ReadSample();

        Assert.Equal((120_839, 0, 10), (feed.TotalResults, feed.StartIndex, feed.ItemsPerPage));
    }

    [Fact]
    public void An_entry_keeps_its_arXiv_extension_fields_and_authors()
    {
        var paper = Assert.IsType<PaperItem>(ReadSample().Items[1]);

        Assert.Equal($"{Sample2019}#2 (1503.01162)", paper.Location);
        Assert.Equal(1, paper.Paper.Version);
        Assert.Equal(["Peter Garik", "Yann Benétreau-Dupin"], paper.Paper.Authors);
        Assert.Equal("10.1007/s11191-014-9716-8", paper.Paper.Doi);
        Assert.Equal("Science & Education, September 2014, 23(9): 1853-1873", paper.Paper.JournalRef);
        Assert.Equal("Conference funded by NSF grant REESE-1205273. 31 pages", paper.Paper.Comments);
        Assert.Equal(new DateTimeOffset(2015, 3, 3, 23, 35, 54, TimeSpan.Zero), paper.Paper.SubmittedAt);
    }

    [Fact]
    public void The_2025_layout_puts_the_primary_category_first_and_drops_ACM_classes()
    {
        var feed = ArxivAtomReader.ReadFeed(IngestionFixtures.Open("arxiv_api_2025_layout.atom.xml"), "page.xml", CancellationToken.None);

        var first = Assert.IsType<PaperItem>(feed.Items[0]).Paper;
        Assert.Equal(["cs.CL", "cs.LG"], first.Categories);
        Assert.Equal(("2506.05432", 2), (first.Id.Value, first.Version));
        Assert.Equal(["Maria García", "Wei Chen"], first.Authors);
        Assert.Equal("Calibrated Uncertainty for Small Language Models", first.Title);
        Assert.Equal((215_338, 100, 2), (feed.TotalResults, feed.StartIndex, feed.ItemsPerPage));
    }

    [Fact]
    public void The_2025_layout_reads_old_style_ids()
    {
        var feed = ArxivAtomReader.ReadFeed(IngestionFixtures.Open("arxiv_api_2025_layout.atom.xml"), "page.xml", CancellationToken.None);

        var old = Assert.IsType<PaperItem>(feed.Items[1]).Paper;
        Assert.Equal(("hep-th/9901001", "10.1016/S0370-2693(99)00001-1"), (old.Id.Value, old.Doi));
    }

    [Fact]
    public void An_API_error_entry_is_a_rejection_with_the_error_message()
    {
        var items = ArxivAtomReader.Read(IngestionFixtures.Open("arxiv_api_error.atom.xml"), "error.xml", CancellationToken.None);

        var rejected = Assert.IsType<RejectedItem>(Assert.Single(items));
        Assert.Equal(("error.xml#1", "the arXiv API answered with an error: incorrect id format for 1234.12345"), (rejected.Location, rejected.Reason));
    }

    [Fact]
    public void An_HTML_page_is_a_format_error_naming_the_file()
    {
        var ex = Assert.Throws<SourceFormatException>(() =>
            ArxivAtomReader.ReadFeed(IngestionFixtures.Open("html_error_page.html"), "query.xml", CancellationToken.None));

        Assert.Equal("query.xml: expected an arXiv API Atom feed (root <feed>), found <html> (an HTML page)", ex.Message);
    }

    [Fact]
    public void An_OAI_PMH_response_is_not_an_Atom_feed()
    {
        var ex = Assert.Throws<SourceFormatException>(() =>
            ArxivAtomReader.ReadFeed(IngestionFixtures.Open("oai_error_noRecordsMatch.xml"), "query.xml", CancellationToken.None));

        Assert.Equal("query.xml: expected an arXiv API Atom feed (root <feed>), found <OAI-PMH>", ex.Message);
    }

    private static ArxivAtomFeed ReadSample()
    {
        using var stream = SourceFile.OpenRead(TestData.Path("protocol-samples", Sample2019));
        return ArxivAtomReader.ReadFeed(stream, Sample2019, CancellationToken.None);
    }
}
