using DailyPapers.Core.Citations;

namespace DailyPapers.Core.Tests.Citations;

/// <summary>CSV as RFC 4180 writes it, safe to open in a spreadsheet.</summary>
public sealed class PaperCsvTests
{
    private const string Header = "id,version,title,authors,categories,submitted,listed,votes,comment_count,abs_url,pdf_url,code_url,doi,abstract\r\n";

    [Fact]
    public void One_header_then_a_row_per_paper_with_crlf()
    {
        var paper = CitationSamples.Attention with
        {
            ListedOn = new DateOnly(2017, 6, 13),
            Votes = 42,
            NumComments = 3,
            GithubRepo = "https://github.com/tensorflow/tensor2tensor",
            Abstract = "Plain text.",
        };

        var csv = PaperCsv.WriteAll([paper, CitationSamples.LargeN with { Abstract = "Short." }]);

        Assert.Equal(
            Header +
            "1706.03762,7,Attention Is All You Need,Ashish Vaswani; Noam Shazeer; Niki Parmar; Jakob Uszkoreit; Llion Jones; Aidan N. Gomez; Lukasz Kaiser; Illia Polosukhin,cs.CL cs.LG,2017-06-12,2017-06-13,42,3,https://arxiv.org/abs/1706.03762,https://arxiv.org/pdf/1706.03762,https://github.com/tensorflow/tensor2tensor,,Plain text.\r\n" +
            "hep-th/9711200,3,The Large N Limit of Superconformal Field Theories and Supergravity,Juan M. Maldacena,hep-th,1997-11-27,,0,0,https://arxiv.org/abs/hep-th/9711200,https://arxiv.org/pdf/hep-th/9711200,,10.1023/A:1026654312961,Short.\r\n",
            csv);
    }

    [Fact]
    public void Commas_quotes_and_line_breaks_are_quoted_with_quotes_doubled()
    {
        var paper = CitationSamples.Attention with
        {
            Title = "Say \"Hello\", World",
            Abstract = "First paragraph.\n\nSecond, with a comma.",
            Authors = ["Ada Lovelace"],
        };

        var row = PaperCsv.Write(paper)[Header.Length..];

        Assert.StartsWith("1706.03762,7,\"Say \"\"Hello\"\", World\",Ada Lovelace,", row, StringComparison.Ordinal);
        Assert.EndsWith(",\"First paragraph.\n\nSecond, with a comma.\"\r\n", row, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"https://evil.example\",\"x\")", "\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"x\"\")\"")]
    [InlineData("+1 on transformers", "'+1 on transformers")]
    [InlineData("-Divergences, revisited", "\"'-Divergences, revisited\"")]
    [InlineData("@home", "'@home")]
    [InlineData("A = B is fine inside", "A = B is fine inside")]
    public void A_cell_a_spreadsheet_would_run_as_a_formula_starts_with_an_apostrophe(string title, string cell)
    {
        var row = PaperCsv.Write(CitationSamples.Attention with { Title = title })[Header.Length..];

        Assert.StartsWith($"1706.03762,7,{cell},Ashish Vaswani;", row, StringComparison.Ordinal);
    }

    [Fact]
    public void A_paper_without_version_dates_or_links_has_empty_cells()
    {
        var paper = CitationSamples.Attention with { Version = 0, SubmittedAt = null, UpdatedAt = null, Categories = [], Authors = [], Abstract = "" };

        Assert.Equal(Header + "1706.03762,,Attention Is All You Need,,,,,0,0,https://arxiv.org/abs/1706.03762,https://arxiv.org/pdf/1706.03762,,,\r\n", PaperCsv.Write(paper));
    }

    [Fact]
    public void An_empty_list_is_the_header_alone()
    {
        Assert.Equal(Header, PaperCsv.WriteAll([]));
    }
}
