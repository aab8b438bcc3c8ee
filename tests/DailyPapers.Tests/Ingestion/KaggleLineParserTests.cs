using System.Text;
using System.Text.Json;
using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Ingestion.Sources;

namespace DailyPapers.Tests.Ingestion;

/// <summary>The abstract and names the Kaggle parser unescapes straight into its buffer, against their plain strings.</summary>
public sealed class KaggleLineParserTests
{
    [Theory]
    [InlineData("  A fully indented abstract\n  wrapped \"here\" with \\ and caf\u00e9.\n\n  Second\tparagraph \U0001F600.\n")]
    [InlineData("Controls \u0007dropped,\r\nCRLF joined,\u200B zero width gone.")]
    [InlineData("  ")]
    public void The_abstract_is_the_unescaped_text_normalised_into_paragraphs(string text)
    {
        var item = Parse(Line(abstractText: text));

        if (PaperText.Paragraphs(text).Length == 0)
        {
            Assert.EndsWith("missing abstract", Assert.IsType<RejectedItem>(item).Reason, StringComparison.Ordinal);
            return;
        }

        Assert.Equal(PaperText.Paragraphs(text), Assert.IsType<PaperItem>(item).Paper.Abstract);
    }

    [Fact]
    public void The_abstract_keeps_its_paragraphs_and_escapes()
    {
        var paper = Assert.IsType<PaperItem>(Parse(Line(abstractText: "  First line\nwrapped.\n  Then \"quoted\" caf\u00e9.\n"))).Paper;

        Assert.Equal("First line wrapped.\n\nThen \"quoted\" café.", paper.Abstract);
    }

    [Fact]
    public void Parsed_author_names_are_first_last_suffix_with_escapes_decoded_and_affiliations_left_out()
    {
        var authors = """[["Bal\u00e1zs", "P\\'eter", ""], ["Smith", "John", "Jr.", "MIT"], ["Li", "  ", ""], ["Doe", null, "III"], [], ["Solo"]]""";

        var paper = Assert.IsType<PaperItem>(Parse(Line(authorsParsed: authors))).Paper;

        Assert.Equal(["Péter Balázs", "John Smith Jr.", "Li", "Doe III", "Solo"], paper.Authors);
    }

    [Fact]
    public void A_name_longer_than_the_buffer_keeps_the_parts_read_before_it_grew()
    {
        // Parts are unescaped one after another into one buffer: the second, larger than any buffer yet, makes it grow.
        var last = new string('x', 300_000);
        var first = new string('y', 400_000);

        var paper = Assert.IsType<PaperItem>(Parse(Line(authorsParsed: $"[[\"{last}\", \"{first}\", \"\"]]"))).Paper;

        Assert.Equal(first + " " + last, Assert.Single(paper.Authors));
    }

    [Fact]
    public void A_title_after_a_long_abstract_is_its_own_text()
    {
        var paper = Assert.IsType<PaperItem>(Parse(Line(abstractText: new string('a', 15_000), title: "Short \\u0074itle"))).Paper;

        Assert.Equal("Short \\u0074itle", paper.Title);
        Assert.Equal(15_000, paper.Abstract.Length);
    }

    [Fact]
    public void Without_parsed_authors_the_free_text_list_is_decoded_and_split()
    {
        var line = Line(authorsParsed: "null").Replace("\"A. Author\"", "\"Bal\\\\'azs P\\u00e9ter and J. Smith (MIT), C. Li\"", StringComparison.Ordinal);

        var paper = Assert.IsType<PaperItem>(Parse(line)).Paper;

        Assert.Equal(["Balázs Péter", "J. Smith", "C. Li"], paper.Authors);
    }

    [Fact]
    public void Free_text_authors_of_the_wrong_type_are_rejected_even_when_parsed_authors_are_there()
    {
        var rejected = Assert.IsType<RejectedItem>(Parse(Line().Replace("\"A. Author\"", "42", StringComparison.Ordinal)));

        Assert.Equal("\"authors\" should be a string, found a number", rejected.Reason);
    }

    private static SourceItem Parse(string line) => KaggleLineParser.Parse(Encoding.UTF8.GetBytes(line), "test.jsonl:1");

    // Values are JSON-encoded here, so the parser sees the escapes (\n, \", \u00e9) a real dump holds.
    private static string Line(string abstractText = "An abstract.", string authorsParsed = """[["Author", "A.", ""]]""", string title = "A title") =>
        $$"""{"id": "2401.12345", "title": {{JsonSerializer.Serialize(title)}}, "abstract": {{JsonSerializer.Serialize(abstractText)}}, "authors": "A. Author", "authors_parsed": {{authorsParsed}}, "categories": "cs.LG", "versions": [{"version": "v1", "created": "Mon, 15 Jan 2024 10:00:00 GMT"}]}""";
}
