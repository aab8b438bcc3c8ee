using DailyPapers.Core.Citations;

namespace DailyPapers.Core.Tests.Citations;

/// <summary>RIS as Zotero's RIS translator (zotero/translators, RIS.js) reads it back.</summary>
public sealed class PaperRisTests
{
    [Fact]
    public void A_record_has_one_tag_a_line_with_crlf_and_ends_with_er_and_a_blank_line()
    {
        var paper = CitationSamples.LargeN with { Abstract = "First paragraph with $N$.\n\nSecond  paragraph.", Comments = "v3: references added" };

        const string Expected =
            "TY  - GEN\r\n" +
            "TI  - The Large N Limit of Superconformal Field Theories and Supergravity\r\n" +
            "AU  - Maldacena, Juan M.\r\n" +
            "PY  - 1997\r\n" +
            "DA  - 1997/11/27\r\n" +
            "AB  - First paragraph with $N$. Second paragraph.\r\n" +
            "UR  - https://arxiv.org/abs/hep-th/9711200\r\n" +
            "L1  - https://arxiv.org/pdf/hep-th/9711200\r\n" +
            "DO  - 10.1023/A:1026654312961\r\n" +
            "KW  - hep-th\r\n" +
            "DB  - arXiv\r\n" +
            "AN  - arXiv:hep-th/9711200\r\n" +
            "N1  - Comments: v3: references added\r\n" +
            "N1  - Journal reference: Adv.Theor.Math.Phys.2:231-252,1998\r\n" +
            "ER  - \r\n" +
            "\r\n";

        Assert.Equal(Expected, PaperRis.Write(paper));
    }

    [Fact]
    public void Authors_are_last_name_first_with_particles_and_suffixes_kept()
    {
        var paper = CitationSamples.Attention with { Authors = ["The ATLAS Collaboration", "Ludwig van Beethoven", "John Smith Jr.", "Antonia Wüst"] };

        var lines = PaperRis.Write(paper).Split("\r\n");

        Assert.Equal(
            ["AU  - The ATLAS Collaboration", "AU  - van Beethoven, Ludwig", "AU  - Smith, John, Jr.", "AU  - Wüst, Antonia"],
            lines.Where(l => l.StartsWith("AU  - ", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_paper_without_date_doi_or_categories_leaves_those_tags_out()
    {
        var paper = CitationSamples.Attention with { SubmittedAt = null, UpdatedAt = null, Categories = [], Comments = null };

        var ris = PaperRis.Write(paper);

        Assert.DoesNotContain("PY  - ", ris, StringComparison.Ordinal);
        Assert.DoesNotContain("DA  - ", ris, StringComparison.Ordinal);
        Assert.DoesNotContain("DO  - ", ris, StringComparison.Ordinal);
        Assert.DoesNotContain("KW  - ", ris, StringComparison.Ordinal);
        Assert.DoesNotContain("N1  - ", ris, StringComparison.Ordinal);
        Assert.StartsWith("TY  - GEN\r\nTI  - Attention Is All You Need\r\nAU  - Vaswani, Ashish\r\n", ris, StringComparison.Ordinal);
    }

    [Fact]
    public void The_first_versions_date_is_the_papers_date()
    {
        var ris = PaperRis.Write(CitationSamples.Attention);

        Assert.Contains("PY  - 2017\r\nDA  - 2017/06/12\r\n", ris, StringComparison.Ordinal);
        Assert.Contains("KW  - cs.CL\r\nKW  - cs.LG\r\n", ris, StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_is_records_back_to_back_and_664_authors_are_664_au_lines()
    {
        var many = CitationSamples.FlowMatchingGuide with { Authors = [.. Enumerable.Range(1, 664).Select(i => $"Author{i} Surname{i}")] };

        var ris = PaperRis.WriteAll([CitationSamples.Attention, many]);

        Assert.Equal(PaperRis.Write(CitationSamples.Attention) + PaperRis.Write(many), ris);
        Assert.Equal(2, ris.Split("\r\n").Count(l => l == "TY  - GEN"));
        Assert.Equal(2, ris.Split("\r\n").Count(l => l == "ER  - "));
        Assert.Equal(664 + 8, ris.Split("\r\n").Count(l => l.StartsWith("AU  - ", StringComparison.Ordinal)));
        Assert.DoesNotContain("\n", ris.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
