using DailyPapers.Core.Search;
using DailyPapers.Infrastructure.Search.Benchmarks;
using DailyPapers.Infrastructure.Search.Lexical;
using DailyPapers.Tests.Support;

namespace DailyPapers.Tests.Search.Benchmarks;

public sealed class Fts5QueryTests
{
    [Fact]
    public void From_ORs_plain_words_and_ANDs_what_the_query_language_requires()
    {
        var match = Fts5Query.From(SearchQuery.Parse("diffusion \"vision transformer\" au:Hinton cat:cs.CV -gan"));

        Assert.Equal("(\"diffusion\" AND \"vision transformer\" AND authors : \"Hinton\" AND categories : \"cs.CV\") NOT (\"gan\")", match);
        Assert.Equal("(\"a\" OR \"b\") AND title : \"c d\"", Fts5Query.From(SearchQuery.Parse("a b ti:\"c d\"")));
    }

    [Fact]
    public void Quote_doubles_quotes_inside_the_string()
    {
        Assert.Equal("\"say \"\"hi\"\"\"", Fts5Query.Quote("say \"hi\""));
    }

    [Theory]
    [InlineData("transformer")]
    [InlineData("he said \"attention")]
    [InlineData("a*b ^c NEAR(x y) col:umn {title}: -")]
    [InlineData("AND OR NOT ( ) transformer")]
    [InlineData("au:O'Brien \"it's\" 'quoted'")]
    [InlineData("cat:cs.* transformer")]
    [InlineData("ti:\"a \"\" b\" abs:x+y=z")]
    [InlineData("日本語 émigré naïve")]
    public void Queries_with_syntax_characters_run_on_real_FTS5(string typed)
    {
        using var fts = new Fts5Peer(Path.Combine(TestData.NewTempDir(), "fts.db"));
        fts.Add([new LexicalDocument("1", "A transformer for everything", "Attention is all you need.", ["Jane O'Brien"], ["cs.CL"], null, 0, false)]);
        fts.Optimize();

        var match = Fts5Query.From(SearchQuery.Parse(typed));

        if (match is not null)
        {
            var found = fts.Search(match, 10);
            Assert.True(found.Count <= 1);
        }
    }

    [Fact]
    public void The_peer_finds_by_words_phrase_author_and_category()
    {
        using var fts = new Fts5Peer(Path.Combine(TestData.NewTempDir(), "fts.db"));
        fts.Add([
            new LexicalDocument("1", "Vision transformers at scale", "We train large models.", ["Ada Lovelace"], ["cs.CV"], null, 0, false),
            new LexicalDocument("2", "Scaling language models", "Transformers for text.", ["Alan Turing"], ["cs.CL"], null, 0, false),
        ]);
        fts.Optimize();

        long[] Search(string typed) => [.. fts.Search(Fts5Query.From(SearchQuery.Parse(typed))!, 10).Order()];

        Assert.Equal([1L, 2L], Search("transformer scaling"));
        Assert.Equal([1L], Search("\"vision transformers\""));
        Assert.Equal([2L], Search("au:turing models"));
        Assert.Equal([2L], Search("cat:cs.CL models"));
        Assert.Equal([1L], Search("models -language"));
    }

    [Fact]
    public void From_a_query_of_only_exclusions_is_null()
    {
        Assert.Null(Fts5Query.From(SearchQuery.Parse("-gan")));
        Assert.Null(Fts5Query.From(SearchQuery.Parse("")));
    }
}
