using System.Text;
using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Ingestion.Sources;

namespace DailyPapers.Tests.Ingestion;

public sealed class KaggleBadLineTests
{
    private const string Good = """{"id": "2401.12345", "title": "A title", "abstract": "An abstract.", "authors": "A. Author", "categories": "cs.LG", "versions": [{"version": "v1", "created": "Mon, 15 Jan 2024 10:00:00 GMT"}]}""";

    [Fact]
    public void Malformed_JSON_is_rejected_with_the_reader_message_and_the_next_line_still_reads()
    {
        var items = Read("{\"id\": \"2401.12345\", \"title\": ", Good);

        var rejected = Assert.IsType<RejectedItem>(items[0]);
        Assert.Equal("test.jsonl:1", rejected.Location);
        Assert.StartsWith("malformed JSON: ", rejected.Reason);
        Assert.IsType<PaperItem>(items[1]);
    }

    [Fact]
    public void A_line_that_is_not_an_object_is_rejected()
    {
        var rejected = Assert.IsType<RejectedItem>(Read("[1, 2, 3]").Single());

        Assert.Equal("expected one JSON object per line, found an array", rejected.Reason);
    }

    [Fact]
    public void A_field_of_the_wrong_type_is_rejected_naming_the_field()
    {
        var rejected = Assert.IsType<RejectedItem>(Read(Good.Replace("\"A title\"", "42", StringComparison.Ordinal)).Single());

        Assert.Equal("\"title\" should be a string, found a number", rejected.Reason);
    }

    [Fact]
    public void An_invalid_id_is_rejected_by_the_builder()
    {
        var rejected = Assert.IsType<RejectedItem>(Read(Good.Replace("2401.12345", "2413.12345", StringComparison.Ordinal)).Single());

        Assert.StartsWith("invalid arXiv id \"2413.12345\"", rejected.Reason);
    }

    [Fact]
    public void A_missing_title_is_rejected()
    {
        var rejected = Assert.IsType<RejectedItem>(Read(Good.Replace("\"title\": \"A title\", ", "", StringComparison.Ordinal)).Single());

        Assert.Equal("2401.12345: missing title", rejected.Reason);
    }

    [Fact]
    public void A_missing_abstract_is_rejected()
    {
        var rejected = Assert.IsType<RejectedItem>(Read(Good.Replace("\"An abstract.\"", "null", StringComparison.Ordinal)).Single());

        Assert.Equal("2401.12345: missing abstract", rejected.Reason);
    }

    [Fact]
    public void A_two_megabyte_abstract_is_rejected_and_the_next_line_still_reads()
    {
        var huge = Good.Replace("An abstract.", new string('x', 2_000_000), StringComparison.Ordinal);

        var items = Read(huge, Good);

        Assert.Contains("abstract is 2,000,000 characters long", Assert.IsType<RejectedItem>(items[0]).Reason);
        Assert.IsType<PaperItem>(items[1]);
    }

    [Fact]
    public void An_escaped_control_character_is_removed_and_the_paper_kept()
    {
        var paper = Assert.IsType<PaperItem>(Read(Good.Replace("A title", "A\\u0000 ti\\u0007tle", StringComparison.Ordinal)).Single());

        Assert.Equal("A title", paper.Paper.Title);
    }

    [Fact]
    public void Invalid_UTF8_bytes_are_replaced_and_the_paper_kept()
    {
        var bytes = Encoding.UTF8.GetBytes(Good.Replace("A title", "A ti@tle", StringComparison.Ordinal));
        bytes[Array.IndexOf(bytes, (byte)'@')] = 0xFF;

        var paper = Assert.IsType<PaperItem>(Read(bytes).Single());

        Assert.Equal("A ti\uFFFDtle", paper.Paper.Title);
    }

    [Fact]
    public void Blank_lines_are_skipped_but_still_counted_in_locations()
    {
        var items = Read("", "   ", Good + "\r", "");

        Assert.Equal("test.jsonl:3", Assert.IsType<PaperItem>(Assert.Single(items)).Location);
    }

    [Fact]
    public void The_same_paper_twice_in_a_file_is_yielded_twice()
    {
        var items = Read(Good, Good);

        Assert.Equal(2, items.OfType<PaperItem>().Count(p => p.Paper.Id.Value == "2401.12345"));
    }

    [Fact]
    public void Without_authors_parsed_the_author_list_is_split_and_TeX_accents_decoded()
    {
        var line = Good.Replace("\"A. Author\"", "\"C. Bal\\\\'azs, E. L. Berger (ANL) and\\n  P. M. Nadolsky\"", StringComparison.Ordinal);

        var paper = Assert.IsType<PaperItem>(Read(line).Single());

        Assert.Equal(["C. Balázs", "E. L. Berger", "P. M. Nadolsky"], paper.Paper.Authors);
    }

    [Fact]
    public void Non_arXiv_classes_in_categories_are_dropped_rather_than_rejecting_the_paper()
    {
        var paper = Assert.IsType<PaperItem>(Read(Good.Replace("\"cs.LG\"", "\"cs.CV cs.AI 68T45, 68U10 I.2.10; I.4.8\"", StringComparison.Ordinal)).Single());

        Assert.Equal(["cs.CV", "cs.AI"], paper.Paper.Categories);
    }

    [Fact]
    public void A_truncated_gzip_yields_the_papers_before_the_cut_and_one_final_rejection()
    {
        var lines = Enumerable.Range(1, 3000).Select(i => Good.Replace("2401.12345", $"2401.{i:D5}", StringComparison.Ordinal));
        var path = IngestionFixtures.WriteTruncatedGzip("cut.jsonl.gz", Encoding.UTF8.GetBytes(string.Join('\n', lines)));
        using var stream = SourceFile.OpenRead(path);

        var items = KaggleSnapshotReader.Read(stream, "cut.jsonl.gz", CancellationToken.None).ToList();

        var papers = items.OfType<PaperItem>().ToList();
        Assert.InRange(papers.Count, 1, 2999);
        Assert.Equal(papers.Count + 1, items.Count);
        var last = Assert.IsType<RejectedItem>(items[^1]);
        Assert.Equal($"cut.jsonl.gz:{papers.Count + 1}", last.Location);
        Assert.Equal($"the file ends early (truncated gzip?): records after line {papers.Count} were not read", last.Reason);
    }

    private static List<SourceItem> Read(params string[] lines) => Read(Encoding.UTF8.GetBytes(string.Join('\n', lines)));

    private static List<SourceItem> Read(byte[] bytes) =>
        KaggleSnapshotReader.Read(new MemoryStream(bytes), "test.jsonl", CancellationToken.None).ToList();
}
