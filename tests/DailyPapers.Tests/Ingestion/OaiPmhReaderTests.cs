using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Ingestion.Sources;
using DailyPapers.Tests.Support;

namespace DailyPapers.Tests.Ingestion;

public sealed class OaiPmhReaderTests
{
    private const string DublinCoreSample = "arxiv_oai_ListRecords_oai_dc_set-cs_2024-01-27_trimmed5_with_resumptionToken.xml";

    [Fact]
    public void The_GetRecord_sample_gives_one_paper_in_the_arXiv_format()
    {
        var page = ReadSample("arxiv_oai_GetRecord_arXiv_1401.2122_2017.xml");

        var paper = Assert.IsType<PaperItem>(Assert.Single(page.Items)).Paper;
        Assert.Equal(("1401.2122", "New integrable (3+1)-dimensional systems and contact geometry"), (paper.Id.Value, paper.Title));
        Assert.Equal(["A. Sergyeyev"], paper.Authors);
        Assert.Equal(["math.AP", "hep-th", "math-ph", "math.DG", "math.MP", "nlin.SI"], paper.Categories);
        Assert.Equal((new DateTimeOffset(2014, 1, 9, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2017, 10, 23, 0, 0, 0, TimeSpan.Zero)), (paper.SubmittedAt, paper.UpdatedAt));
        Assert.Equal("10.1007/s11005-017-1013-4", paper.Doi);
        Assert.Equal("http://arxiv.org/licenses/nonexclusive-distrib/1.0/", paper.License);
        Assert.Null(page.ResumptionToken);
    }

    [Theory]
    [InlineData("arxiv_oai_ListRecords_arXiv_set-physics-hep-ex_2017-12-14_trimmed3.xml")]
    [InlineData("arxiv_oai_ListRecords_arXiv_set-physics-hep-th_2017-12-14_trimmed3.xml")]
    public void The_ListRecords_samples_in_the_arXiv_format_give_three_unlisted_papers(string fileName)
    {
        var page = ReadSample(fileName);

        Assert.Equal(3, page.Items.Count);
        Assert.All(page.Items, i => Assert.Null(Assert.IsType<PaperItem>(i).Listing));
        Assert.Equal(new DateOnly(2017, 12, 14), DateOnly.FromDateTime(page.ResponseDate!.Value.UtcDateTime));
    }

    [Fact]
    public void The_oai_dc_sample_reads_the_resumption_token_cursor_and_list_size()
    {
        var page = ReadSample(DublinCoreSample);

        Assert.Equal(5, page.Items.OfType<PaperItem>().Count());
        Assert.Equal(("6960524|1001", 0, 1162), (page.ResumptionToken, page.Cursor, page.CompleteListSize));
    }

    [Fact]
    public void An_oai_dc_record_maps_creators_subjects_comment_and_dates()
    {
        var paper = Assert.IsType<PaperItem>(ReadSample(DublinCoreSample).Items[0]).Paper;

        Assert.Equal("1303.2033", paper.Id.Value);
        Assert.Equal(["Vilnis Liepins"], paper.Authors);
        Assert.Equal(["cs.DS", "cs.IT", "math.NA"], paper.Categories);
        Assert.Equal("32 pages, 9 figures", paper.Comments);
        Assert.StartsWith("This summary of the doctoral thesis", paper.Abstract);
        Assert.Equal((new DateTimeOffset(2013, 3, 8, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2024, 1, 23, 0, 0, 0, TimeSpan.Zero)), (paper.SubmittedAt, paper.UpdatedAt));
    }

    [Fact]
    public void An_arXivRaw_record_reads_its_version_history()
    {
        var page = OaiPmhReader.ReadPage(IngestionFixtures.Open("oai_ListRecords_arXivRaw_last_page.xml"), "raw.xml", CancellationToken.None);

        var paper = Assert.IsType<PaperItem>(page.Items[0]).Paper;
        Assert.Equal(7, paper.Version);
        Assert.Equal(new DateTimeOffset(2017, 6, 12, 17, 57, 34, TimeSpan.Zero), paper.SubmittedAt);
        Assert.Equal(new DateTimeOffset(2023, 8, 2, 0, 41, 18, TimeSpan.Zero), paper.UpdatedAt);
        Assert.Equal(8, paper.Authors.Count);
        Assert.Equal("Aidan N. Gomez", paper.Authors[5]);
    }

    [Fact]
    public void An_arXivRaw_author_list_loses_its_affiliations()
    {
        var page = OaiPmhReader.ReadPage(IngestionFixtures.Open("oai_ListRecords_arXivRaw_last_page.xml"), "raw.xml", CancellationToken.None);

        Assert.Equal(["A. S. Mishchenko", "N. Nagaosa"], Assert.IsType<PaperItem>(page.Items[1]).Paper.Authors);
        Assert.Equal(("math/9901016", 2), (Assert.IsType<PaperItem>(page.Items[2]).Paper.Id.Value, Assert.IsType<PaperItem>(page.Items[2]).Paper.Version));
    }

    [Fact]
    public void A_deleted_record_is_a_deletion_and_an_empty_token_ends_the_list()
    {
        var page = OaiPmhReader.ReadPage(IngestionFixtures.Open("oai_ListRecords_arXivRaw_last_page.xml"), "raw.xml", CancellationToken.None);

        var deletion = Assert.IsType<DeletionItem>(page.Items[3]);
        Assert.Equal(("raw.xml#4 (1204.0001)", "1204.0001"), (deletion.Location, deletion.Id.Value));
        Assert.Null(page.ResumptionToken);
    }

    [Fact]
    public void The_2025_server_token_has_no_cursor_or_list_size()
    {
        var page = OaiPmhReader.ReadPage(IngestionFixtures.Open("oai_ListRecords_arXiv_2025_token.xml"), "new.xml", CancellationToken.None);

        Assert.Equal(("e3a0c6f2-4b1d-4f6e-9a77-0c8d5b2e1f10|1001", null, null), (page.ResumptionToken, page.Cursor, page.CompleteListSize));
        var paper = Assert.IsType<PaperItem>(page.Items[0]).Paper;
        Assert.Equal(["Anna van der Berg", "John Smith Jr", "DeepMind Collaboration"], paper.Authors);
        Assert.Equal(["cs.LG", "stat.ML"], paper.Categories);
        Assert.IsType<DeletionItem>(page.Items[1]);
    }

    [Fact]
    public void A_badResumptionToken_error_is_reported_on_the_page()
    {
        var page = OaiPmhReader.ReadPage(IngestionFixtures.Open("oai_error_badResumptionToken.xml"), "next.xml", CancellationToken.None);

        Assert.Empty(page.Items);
        Assert.Equal(("badResumptionToken", "The value of the resumptionToken argument is invalid or expired."), (page.ErrorCode, page.ErrorMessage));
    }

    [Fact]
    public void NoRecordsMatch_is_an_empty_page_with_its_code()
    {
        var page = OaiPmhReader.ReadPage(IngestionFixtures.Open("oai_error_noRecordsMatch.xml"), "today.xml", CancellationToken.None);

        Assert.Equal((0, "noRecordsMatch", null), (page.Items.Count, page.ErrorCode, page.ResumptionToken));
    }

    [Fact]
    public void Not_well_formed_XML_is_a_format_error_with_the_file_name_and_position()
    {
        var ex = Assert.Throws<SourceFormatException>(() =>
            OaiPmhReader.ReadPage(IngestionFixtures.Open("not_well_formed.xml"), "page-7.xml", CancellationToken.None));

        Assert.StartsWith("page-7.xml: not well-formed XML (line 6, position 3): ", ex.Message);
    }

    [Fact]
    public void An_HTML_page_is_a_format_error_naming_what_was_found()
    {
        var ex = Assert.Throws<SourceFormatException>(() =>
            OaiPmhReader.ReadPage(IngestionFixtures.Open("html_error_page.html"), "page-7.xml", CancellationToken.None));

        Assert.Equal("page-7.xml: expected an OAI-PMH response (root <OAI-PMH>), found <html> (an HTML page)", ex.Message);
    }

    [Fact]
    public void A_document_type_declaration_is_refused_so_no_entity_is_ever_resolved()
    {
        var ex = Assert.Throws<SourceFormatException>(() =>
            OaiPmhReader.ReadPage(IngestionFixtures.Open("xxe_entity.xml"), "evil.xml", CancellationToken.None));

        Assert.Equal("evil.xml: the document declares a DTD (<!DOCTYPE …>), which is refused for safety; expected an OAI-PMH response (root <OAI-PMH>)", ex.Message);
    }

    [Fact]
    public void A_truncated_gzip_page_is_a_format_error_not_a_shorter_page()
    {
        var path = IngestionFixtures.WriteTruncatedGzip("page.xml.gz", File.ReadAllBytes(TestData.Path("protocol-samples", DublinCoreSample)));
        using var stream = SourceFile.OpenRead(path);

        var ex = Assert.Throws<SourceFormatException>(() => OaiPmhReader.ReadPage(stream, "page.xml.gz", CancellationToken.None));

        Assert.StartsWith("page.xml.gz: the file ends early (truncated gzip?)", ex.Message);
    }

    private static OaiPmhPage ReadSample(string fileName)
    {
        using var stream = SourceFile.OpenRead(TestData.Path("protocol-samples", fileName));
        return OaiPmhReader.ReadPage(stream, fileName, CancellationToken.None);
    }
}
