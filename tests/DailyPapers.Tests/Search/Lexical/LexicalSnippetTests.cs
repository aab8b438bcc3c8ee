using DailyPapers.Core.Search;
using DailyPapers.Infrastructure.Search.Lexical;
using static DailyPapers.Tests.Search.Lexical.QueryCorpus;

namespace DailyPapers.Tests.Search.Lexical;

/// <summary>Snippets are HTML the page outputs raw: encoded text, and no tag but the marks.</summary>
public sealed class LexicalSnippetTests(QueryCorpus corpus) : IClassFixture<QueryCorpus>
{
    private LexicalSearcher Searcher => corpus.Bed.Searcher;

    [Fact]
    public void A_snippet_encodes_markup_in_the_abstract_and_marks_the_words()
    {
        var snippet = Snippet(SearchQuery.Parse("inert"));

        Assert.NotNull(snippet);
        Assert.Contains("<mark>inert</mark>", snippet, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", snippet, StringComparison.Ordinal);
        Assert.Contains("&amp; &quot;quotes&quot;", snippet, StringComparison.Ordinal);
        Assert.Equal(snippet.Split("<mark>").Length - 1, CountTags(snippet));
    }

    [Fact]
    public void A_word_inside_markup_is_marked_inside_the_encoded_text()
    {
        // "scripting" stems to "script", the word inside <script>: the mark goes between the encoded brackets.
        var snippet = Snippet(SearchQuery.Parse("scripting"));

        Assert.NotNull(snippet);
        Assert.Contains("&lt;<mark>script</mark>&gt;", snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void Words_inside_latex_math_are_not_marked()
    {
        var snippet = Snippet(SearchQuery.Parse("alpha"));

        Assert.NotNull(snippet);
        Assert.Contains("$\\alpha$ by <mark>alpha</mark>", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void A_title_is_highlighted_whole_with_stemmed_matches()
    {
        var html = Searcher.Highlight("Neural networks with attention", SearchQuery.Parse("network attend"), SnippetField.Title);

        Assert.Equal("Neural <mark>networks</mark> with attention", html);
    }

    [Fact]
    public void A_phrase_is_marked_as_a_phrase_and_nothing_is_marked_for_other_words()
    {
        var phrase = Searcher.Highlight("all you need is all you need", SearchQuery.Parse("\"you need\""), SnippetField.Title);

        Assert.Equal("all <mark>you</mark> <mark>need</mark> is all <mark>you</mark> <mark>need</mark>", phrase);
        Assert.Null(Searcher.Highlight("Quantum error correction", SearchQuery.Parse("diffusion"), SnippetField.Title));
        Assert.Null(Snippet(SearchQuery.Parse("diffusion")));
    }

    /// <summary>The abstract of <see cref="QueryCorpus.Unsafe"/> as the results page shows it: the store's text, marked.</summary>
    private string? Snippet(ParsedQuery query) => Searcher.Highlight(
        QueryCorpus.Papers().Single(p => p.Paper.Id.Value == Unsafe).Paper.Abstract, query, SnippetField.Abstract);

    /// <summary>Every '&lt;' in the snippet opens a mark or closes one; the text has none of its own.</summary>
    private static int CountTags(string html) =>
        (html.Length - html.Replace("<", "", StringComparison.Ordinal).Length) / 2;
}
