using DailyPapers.Core.Listings;

namespace DailyPapers.Core.Tests.Listings;

public sealed class PaperMarkdownTests
{
    private static readonly ListedPaper Paper = new()
    {
        Id = "2506.01234",
        Title = "Scaling [Sparse] Attention\n  to 1M Tokens",
        Abstract = "We bound the error by $O(n^{-1/2})$.\n\nA second paragraph.",
        Authors = ["Ada Lovelace", "Alan Turing"],
        Categories = ["cs.LG", "cs.CL"],
        SubmittedAt = new DateTimeOffset(2025, 6, 9, 17, 59, 53, TimeSpan.Zero),
        ListedOn = new DateOnly(2025, 6, 10),
        Votes = 42,
        GithubRepo = "https://github.com/example/sparse",
        GithubStars = 1234,
    };

    [Fact]
    public void The_abstract_keeps_its_math_and_paragraphs_and_the_facts_are_one_line_each()
    {
        var md = PaperMarkdown.Write(Paper, []);

        Assert.StartsWith("# Scaling [Sparse] Attention to 1M Tokens\n\n**Authors:** Ada Lovelace, Alan Turing\n\n", md, StringComparison.Ordinal);
        Assert.Contains("**arXiv:** [2506.01234](<https://arxiv.org/abs/2506.01234>) · [PDF](<https://arxiv.org/pdf/2506.01234>) · [Code](<https://github.com/example/sparse>) (1,234 stars)\n", md, StringComparison.Ordinal);
        Assert.Contains("**Published:** 2025-06-09 · **Listed:** 2025-06-10 · **Categories:** cs.LG, cs.CL · **Upvotes:** 42\n", md, StringComparison.Ordinal);
        Assert.Contains("## Abstract\n\nWe bound the error by $O(n^{-1/2})$.\n\nA second paragraph.\n", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Sections_without_content_are_left_out()
    {
        var md = PaperMarkdown.Write(Paper, []);

        Assert.DoesNotContain("AI summary", md, StringComparison.Ordinal);
        Assert.DoesNotContain("Keywords", md, StringComparison.Ordinal);
        Assert.DoesNotContain("Similar papers", md, StringComparison.Ordinal);
        Assert.DoesNotContain("Project page", md, StringComparison.Ordinal);
        Assert.EndsWith("A second paragraph.\n", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Similar_papers_link_here_with_brackets_in_titles_escaped()
    {
        var other = Paper with { Id = "2506.05678", Title = "On [Dense] Attention" };

        var md = PaperMarkdown.Write(Paper with { AiSummary = "Short.", AiKeywords = ["sparse attention", "long context"] }, [other]);

        Assert.Contains("## AI summary\n\nShort.\n\n**Keywords:** sparse attention, long context\n", md, StringComparison.Ordinal);
        Assert.Contains("## Similar papers\n\n- [On \\[Dense\\] Attention](</papers/2506.05678>) — arXiv:2506.05678\n", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_a_source_wrote_can_add_a_link_or_html()
    {
        var hostile = Paper with
        {
            Title = "<img src=x onerror=alert(1)> Title",
            Authors = ["<b>Ada</b>"],
            ProjectPage = "https://x.example/a)[click](javascript:alert(1)",
        };

        var md = PaperMarkdown.Write(hostile, []);

        Assert.StartsWith("# \\<img src=x onerror=alert(1)\\> Title\n", md, StringComparison.Ordinal);
        Assert.Contains("**Authors:** \\<b\\>Ada\\</b\\>\n", md, StringComparison.Ordinal);
        Assert.Contains("[Project page](<https://x.example/a)[click](javascript:alert(1)>)", md, StringComparison.Ordinal);
    }
}
