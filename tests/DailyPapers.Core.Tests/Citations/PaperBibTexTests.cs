using DailyPapers.Core.Citations;
using DailyPapers.Core.Listings;

namespace DailyPapers.Core.Tests.Citations;

/// <summary>
/// The BibTeX of arXiv's "Export BibTeX citation", against exports people pasted into their READMEs and against
/// arXiv's code (arxiv-browse, browse/formatting/cite.py) where no export of such a case was found.
/// </summary>
public sealed class PaperBibTexTests
{
    [Fact]
    public void A_paper_is_written_byte_for_byte_as_arxiv_exports_it()
    {
        // Pasted from arXiv into github.com/jma02/d-flow, README.md (commit 4e144a6).
        const string Arxiv =
            "@misc{lipman2023flowmatchinggenerativemodeling,\n" +
            "      title={Flow Matching for Generative Modeling}, \n" +
            "      author={Yaron Lipman and Ricky T. Q. Chen and Heli Ben-Hamu and Maximilian Nickel and Matt Le},\n" +
            "      year={2023},\n" +
            "      eprint={2210.02747},\n" +
            "      archivePrefix={arXiv},\n" +
            "      primaryClass={cs.LG},\n" +
            "      url={https://arxiv.org/abs/2210.02747}, \n" +
            "}";

        Assert.Equal(Arxiv + "\n", PaperBibTex.Write(CitationSamples.FlowMatching));
    }

    [Fact]
    public void Ten_authors_are_joined_with_and_in_arxivs_order()
    {
        // The second entry of the same README.
        const string Arxiv =
            "@misc{lipman2024flowmatchingguidecode,\n" +
            "      title={Flow Matching Guide and Code}, \n" +
            "      author={Yaron Lipman and Marton Havasi and Peter Holderrieth and Neta Shaul and Matt Le and Brian Karrer and Ricky T. Q. Chen and David Lopez-Paz and Heli Ben-Hamu and Itai Gat},\n" +
            "      year={2024},\n" +
            "      eprint={2412.06264},\n" +
            "      archivePrefix={arXiv},\n" +
            "      primaryClass={cs.LG},\n" +
            "      url={https://arxiv.org/abs/2412.06264}, \n" +
            "}";

        Assert.Equal(Arxiv + "\n", PaperBibTex.Write(CitationSamples.FlowMatchingGuide));
    }

    [Fact]
    public void The_year_and_key_are_the_latest_versions_not_the_first()
    {
        // Attention Is All You Need (v1 2017, v7 2023) is vaswani2023attentionneed in every paper that cites arXiv's export.
        var bib = PaperBibTex.Write(CitationSamples.Attention);

        Assert.StartsWith("@misc{vaswani2023attentionneed,\n", bib, StringComparison.Ordinal);
        Assert.Contains("      author={Ashish Vaswani and Noam Shazeer and Niki Parmar and Jakob Uszkoreit and Llion Jones and Aidan N. Gomez and Lukasz Kaiser and Illia Polosukhin},\n", bib, StringComparison.Ordinal);
        Assert.Contains("      year={2023},\n", bib, StringComparison.Ordinal);
        Assert.Contains("      primaryClass={cs.CL},\n", bib, StringComparison.Ordinal);
    }

    [Fact]
    public void Stop_words_anywhere_in_the_title_are_skipped_for_the_key()
    {
        // arXiv's export as the authors of 2506.07402 pasted it into github.com/jailflip/jailflip-2025, README.md
        // (an earlier version; they widened the indent): "Beyond" and "and" are stop words.
        Assert.Equal("zhou2025jailbreaksrevealingstealthierbroader", ArxivCiteKey.Of(CitationSamples.BeyondJailbreaks));
        Assert.Contains(
            "      title={Beyond Jailbreaks: Revealing Stealthier and Broader LLM Security Risks Stemming from Alignment Failures}, \n" +
            "      author={Yukai Zhou and Sibei Yang and Wenjie Wang},\n" +
            "      year={2025},\n" +
            "      eprint={2506.07402},\n" +
            "      archivePrefix={arXiv},\n" +
            "      primaryClass={cs.CR},\n" +
            "      url={https://arxiv.org/abs/2506.07402}, \n",
            PaperBibTex.Write(CitationSamples.BeyondJailbreaks),
            StringComparison.Ordinal);
    }

    [Theory]
    // Keys of arXiv exports pasted into public READMEs: EleutherAI/lm-evaluation-harness,
    // lm_eval/tasks/slr_bench/README.md (2506.15787); Peña and Herbold's code for 2506.10833 (a letter outside ASCII
    // stays in the key); and the READMEs of 2506.02070, 2506.17104 and 2506.07368.
    [InlineData("Lukas Helff", "SLR: An Automated Synthesis Framework for Scalable Logical Reasoning", "helff2025slrautomatedsynthesisframework")]
    [InlineData("Fabian C. Peña", "Evaluating Large Language Models on Non-Code Software Engineering Tasks", "peña2025evaluatinglargelanguagemodels")]
    [InlineData("Peter Holderrieth", "An Introduction to Flow Matching and Diffusion Models", "holderrieth2025introductionflowmatchingdiffusion")]
    [InlineData("Chuxue Cao", "Towards Advanced Mathematical Reasoning for LLMs via First-Order Logic Theorem Proving", "cao2025advancedmathematicalreasoningllms")]
    [InlineData("Jiaying He", "C3S3: Complementary Competition and Contrastive Selection for Semi-Supervised Medical Image Segmentation", "he2025c3s3complementarycompetitioncontrastive")]
    public void Keys_match_the_ones_arxiv_gave(string firstAuthor, string title, string key)
    {
        var paper = CitationSamples.FlowMatchingGuide with
        {
            Title = title,
            Authors = [firstAuthor, "Someone Else"],
            SubmittedAt = new DateTimeOffset(2025, 6, 2, 0, 0, 0, TimeSpan.Zero),
            UpdatedAt = null,
        };

        Assert.Equal(key, ArxivCiteKey.Of(paper));
    }

    [Fact]
    public void An_old_style_id_is_the_eprint_and_the_url_and_a_doi_is_written_as_arxiv_writes_it()
    {
        const string Expected =
            "@misc{maldacena1998largenlimitsuperconformal,\n" +
            "      title={The Large N Limit of Superconformal Field Theories and Supergravity}, \n" +
            "      author={Juan M. Maldacena},\n" +
            "      year={1998},\n" +
            "      eprint={hep-th/9711200},\n" +
            "      archivePrefix={arXiv},\n" +
            "      primaryClass={hep-th},\n" +
            "      doi={https://doi.org/10.1023/A:1026654312961},\n" +
            "      url={https://arxiv.org/abs/hep-th/9711200}, \n" +
            "}\n";

        Assert.Equal(Expected, PaperBibTex.Write(CitationSamples.LargeN));
    }

    [Fact]
    public void Math_percent_signs_and_balanced_braces_in_a_title_stay_as_arxiv_has_them()
    {
        var paper = CitationSamples.FlowMatchingGuide with { Title = "$\\tau^2$-Bench: {BERT} Keeps 90\\% of   {\\\"o}ther Tokens" };

        var bib = PaperBibTex.Write(paper);

        Assert.Contains("      title={$\\tau^2$-Bench: {BERT} Keeps 90\\% of {\\\"o}ther Tokens}, \n", bib, StringComparison.Ordinal);
        Assert.StartsWith("@misc{lipman2024tau2benchbertkeeps90,\n", bib, StringComparison.Ordinal);
    }

    [Fact]
    public void A_brace_without_its_partner_is_dropped_so_the_file_stays_readable()
    {
        var paper = CitationSamples.FlowMatchingGuide with { Title = "Open { brace, close } brace }{ and {kept}", Authors = ["Ann {Lee"] };

        var bib = PaperBibTex.Write(paper);

        Assert.Contains("      title={Open { brace, close } brace and {kept}}, \n", bib, StringComparison.Ordinal);
        Assert.Contains("      author={Ann Lee},\n", bib, StringComparison.Ordinal);
    }

    [Fact]
    public void Accented_names_stay_in_utf8_and_particles_stay_with_the_surname_in_the_key()
    {
        var paper = CitationSamples.FlowMatchingGuide with { Authors = ["Ludwig van Beethoven", "Antonia Wüst", "Bal\u00e1zs Szegedy"] };

        var bib = PaperBibTex.Write(paper);

        Assert.StartsWith("@misc{vanbeethoven2024flowmatchingguidecode,\n", bib, StringComparison.Ordinal);
        Assert.Contains("      author={Ludwig van Beethoven and Antonia Wüst and Balázs Szegedy},\n", bib, StringComparison.Ordinal);
    }

    [Fact]
    public void One_author_with_no_date_and_no_version_has_an_unknown_year()
    {
        var paper = new ListedPaper
        {
            Id = "2506.05358",
            Title = "Can ChatGPT Perform Image Splicing Detection? A Preliminary Study",
            Abstract = "Multimodal Large Language Models (MLLMs) like GPT-4V are capable of reasoning across text and image modalities.",
            Authors = ["Souradip Nath"],
            Categories = [],
        };

        var bib = PaperBibTex.Write(paper);

        Assert.StartsWith("@misc{nathunknownchatgptperformimagesplicing,\n", bib, StringComparison.Ordinal);
        Assert.Contains("      author={Souradip Nath},\n      year={unknown},\n", bib, StringComparison.Ordinal);
        Assert.Contains("      primaryClass={unknown},\n", bib, StringComparison.Ordinal);
    }

    [Fact]
    public void Six_hundred_sixty_four_authors_are_all_listed()
    {
        var authors = Enumerable.Range(1, 664).Select(i => $"Author{i} Surname{i}").ToList();

        var bib = PaperBibTex.Write(CitationSamples.FlowMatchingGuide with { Authors = authors });

        Assert.StartsWith("@misc{surname12024flowmatchingguidecode,\n", bib, StringComparison.Ordinal);
        Assert.Contains("author={Author1 Surname1 and Author2 Surname2 and ", bib, StringComparison.Ordinal);
        Assert.Contains(" and Author664 Surname664},\n", bib, StringComparison.Ordinal);
        Assert.Equal(664, bib.Split('\n')[2].Split(" and ").Length);
    }

    [Fact]
    public void A_list_has_blank_lines_between_entries_and_unique_keys()
    {
        var twin = CitationSamples.FlowMatching with { Id = "2210.99999", Title = "Flow Matching for Generative Modeling, Again" };
        var ownSuffix = twin with { Id = "2210.99998", Title = "Flow Matching for Generative ModelingA" };

        var bib = PaperBibTex.WriteAll([CitationSamples.FlowMatching, twin, ownSuffix, CitationSamples.Attention, twin]);

        var keys = bib.Split('\n').Where(l => l.StartsWith("@misc{", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [
                "@misc{lipman2023flowmatchinggenerativemodeling,",
                "@misc{lipman2023flowmatchinggenerativemodelingb,",
                "@misc{lipman2023flowmatchinggenerativemodelinga,",
                "@misc{vaswani2023attentionneed,",
                "@misc{lipman2023flowmatchinggenerativemodelingc,",
            ],
            keys);
        Assert.StartsWith(PaperBibTex.Write(CitationSamples.FlowMatching) + "\n@misc{", bib, StringComparison.Ordinal);
        Assert.EndsWith("}\n", bib, StringComparison.Ordinal);
        Assert.DoesNotContain("\n\n\n", bib, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_list_is_an_empty_file()
    {
        Assert.Equal("", PaperBibTex.WriteAll([]));
    }
}
