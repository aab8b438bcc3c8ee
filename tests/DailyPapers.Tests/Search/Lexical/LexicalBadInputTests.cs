using DailyPapers.Core.Search;
using DailyPapers.Infrastructure.Search.Lexical;
using static DailyPapers.Tests.Search.Lexical.QueryCorpus;

namespace DailyPapers.Tests.Search.Lexical;

/// <summary>Whatever is typed, the index answers with results or a notice, never an exception.</summary>
public sealed class LexicalBadInputTests(QueryCorpus corpus) : IClassFixture<QueryCorpus>
{
    private LexicalTestbed Bed => corpus.Bed;

    public static TheoryData<string> Specials => new()
    {
        "+", "-", "&&", "||", "!", "(", ")", "{", "}", "[", "]", "^", "\"", "~", "*", "?", ":", "\\", "/",
        "+ - && || ! ( ) { } [ ] ^ \" ~ * ? : \\ /",
        "attention AND (neural OR \"networks) NOT [x TO y] title:{a} diffusion~2 mod*ls^3 \\* ?",
        "au: ti: cat: abs: -", "cat:*", "cat:.*", "c++ c# f# .net", "-\"\"", "\"\"", "au:\"\"",
        "注意力 機構", "внимание сети", "الانتباه", "🙂 diffusion 🙃", "\u0000\u200b\ud800",
    };

    [Theory]
    [MemberData(nameof(Specials))]
    public void Lucene_special_characters_are_text_not_syntax(string query)
    {
        var result = Bed.Search(query);

        Assert.True(result.TotalHits >= 0);
        Bed.Searcher.Highlight("Attention Is All You Need", SearchQuery.Parse(query), SnippetField.Title);
    }

    [Fact]
    public void A_ten_thousand_character_query_is_searched()
    {
        var words = string.Join(' ', Enumerable.Repeat("attention (neural) \"networks\" -x au:hinton cat:cs.* ^~*?", 200));
        Assert.True(words.Length >= 10_000);

        Assert.Equal([NeuralAttention], Bed.Ids(words));
        Assert.NotEmpty(Bed.Searcher.TopIds(SearchQuery.ParsePlainText(words), 10));
    }

    [Fact]
    public void Pasted_text_with_thousands_of_distinct_words_stays_under_lucenes_clause_limit()
    {
        var text = string.Join(' ', Enumerable.Range(0, 3_000).Select(i => $"word{i}")) + " diffusion";

        Assert.NotNull(Bed.Searcher.TopIds(SearchQuery.ParsePlainText(text), 10));
    }

    [Fact]
    public void Stop_words_alone_are_looked_for_in_titles_and_say_so()
    {
        var words = Bed.Search("to be or not to be");
        var phrase = Bed.Search("\"to be or not to be\"");

        Assert.Equal(StopWords, words.Hits[0].Id);
        Assert.NotNull(words.Notice);
        Assert.Equal([StopWords], phrase.Hits.Select(h => h.Id));
    }

    [Fact]
    public void Stop_words_beside_other_words_are_ignored_as_bm25_does()
    {
        var result = Bed.Search("the diffusion");

        Assert.Null(result.Notice);
        Assert.Equal(2, result.TotalHits);
    }
}
