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
    public void A_truncated_gzip_yields_the_papers_before_the_cut_then_stops_naming_the_line_after_them()
    {
        var path = IngestionFixtures.WriteTruncatedGzip("cut.jsonl.gz", Lines(3000));

        var (papers, stop) = ReadToStop(File.ReadAllBytes(path), gzip: true);

        Assert.InRange(papers.Count, 1, 2999);
        Assert.All(papers, p => Assert.IsType<PaperItem>(p));
        Assert.Equal($"test.jsonl:{papers.Count + 1}", stop.Location);
        Assert.Equal($"the file ends early (truncated gzip?): records after line {papers.Count:N0} were not read", stop.Reason);
    }

    [Fact]
    public void Gzip_data_overwritten_with_garbage_stops_as_corrupt_after_the_papers_before_it()
    {
        // Enough text that the reader has taken several blocks from the decompressor before it meets the garbage.
        var compressed = IngestionFixtures.Gzip(Lines(30_000));
        new Random(1).NextBytes(compressed.AsSpan(compressed.Length / 2, 64));

        var (papers, stop) = ReadToStop(compressed, gzip: true);

        Assert.InRange(papers.OfType<PaperItem>().Count(), 1, 29_999);
        Assert.Contains("the gzip data is corrupt", stop.Reason, StringComparison.Ordinal);
        Assert.EndsWith($"records after line {papers.Count:N0} were not read", stop.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plain_file_cut_in_the_middle_of_its_last_line_stops_naming_that_line()
    {
        var bytes = Lines(3);

        var (papers, stop) = ReadToStop(bytes[..(bytes.Length - 40)]);

        Assert.Equal(2, papers.OfType<PaperItem>().Count());
        Assert.Equal("test.jsonl:3", stop.Location);
        Assert.Equal("the file ends in the middle of this line (cut short?)", stop.Reason);
    }

    [Fact]
    public void A_whole_last_line_without_a_newline_is_a_paper()
    {
        var bytes = Lines(3);

        Assert.Equal(3, Read(bytes[..^1]).OfType<PaperItem>().Count());
    }

    [Fact]
    public void A_run_of_NUL_bytes_in_a_plain_file_stops_at_its_line()
    {
        var bytes = Lines(10);
        var fifthLine = Encoding.UTF8.GetString(bytes).Split('\n').Take(4).Sum(l => l.Length + 1);
        bytes.AsSpan(fifthLine + 10, 500).Clear();

        var (papers, stop) = ReadToStop(bytes);

        Assert.Equal(4, papers.OfType<PaperItem>().Count());
        Assert.Equal("test.jsonl:5", stop.Location);
        Assert.Equal("the line holds NUL bytes: the file is corrupt from here", stop.Reason);
    }

    private static byte[] Lines(int count) => Encoding.UTF8.GetBytes(
        string.Concat(Enumerable.Range(1, count).Select(i => Good.Replace("2401.12345", $"2401.{i:D5}", StringComparison.Ordinal) + "\n")));

    /// <summary>Reads until the reader stops, keeping what it yielded before.</summary>
    private static (List<SourceItem> Items, UnreadableSourceException Stop) ReadToStop(byte[] bytes, bool gzip = false)
    {
        var items = new List<SourceItem>();
        using var stream = gzip ? SourceFile.Decompress(new MemoryStream(bytes)) : new MemoryStream(bytes);
        var stop = Assert.Throws<UnreadableSourceException>(() =>
        {
            foreach (var item in KaggleSnapshotReader.Read(stream, "test.jsonl", CancellationToken.None))
            {
                items.Add(item);
            }
        });
        return (items, stop);
    }

    private static List<SourceItem> Read(params string[] lines) => Read(Encoding.UTF8.GetBytes(string.Join('\n', lines)));

    private static List<SourceItem> Read(byte[] bytes) =>
        KaggleSnapshotReader.Read(new MemoryStream(bytes), "test.jsonl", CancellationToken.None).ToList();
}
