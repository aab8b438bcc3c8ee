using DailyPapers.Core.Search;

namespace DailyPapers.Core.Tests.Search;

public class SearchQueryTests
{
    // Expected: the clauses in query syntax (QueryClause.ToString), space separated, ids last.
    [Theory]
    [InlineData("diffusion models", "diffusion models")]
    [InlineData("\"exact phrase\"", "\"exact phrase\"")]
    [InlineData("au:\"Geoffrey Hinton\" ti:diffusion", "au:\"Geoffrey Hinton\" ti:diffusion")]
    [InlineData("au:hinton", "au:hinton")]
    [InlineData("AU:Hinton Ti:Capsules", "au:Hinton ti:Capsules")]
    [InlineData("abs:protein", "abs:protein")]
    [InlineData("cat:cs.LG", "cat:cs.LG")]
    [InlineData("cat:cs.*", "cat:cs.*")]
    [InlineData("cat:cs*", "cat:cs.*")]
    [InlineData("cat:\"cs.LG cs.AI\"", "cat:cs.LG cat:cs.AI")]
    [InlineData("-word", "-word")]
    [InlineData("-\"some phrase\"", "-\"some phrase\"")]
    [InlineData("-au:name", "-au:name")]
    [InlineData("-au:\"Yann LeCun\"", "-au:\"Yann LeCun\"")]
    [InlineData("-cat:cs.CV", "-cat:cs.CV")]
    [InlineData("au: hinton", "au:hinton")]
    [InlineData("au: -hinton", "-au:hinton")]
    [InlineData("au: -\"Geoffrey Hinton\"", "-au:\"Geoffrey Hinton\"")]
    [InlineData("ti: \"graph networks\"", "ti:\"graph networks\"")]
    [InlineData("title:bert author:devlin abstract:masked category:cs.CL all:nlp", "ti:bert au:devlin abs:masked cat:cs.CL nlp")]
    [InlineData("transformers -\"large language\" cat:cs.CL", "transformers -\"large language\" cat:cs.CL")]
    [InlineData("\"single\"", "single")]
    [InlineData("diffusion diffusion Diffusion", "diffusion")]
    [InlineData("C++ C# F#", "C++ C# F#")]
    [InlineData("GPT-4 self-attention state-of-the-art", "GPT-4 self-attention state-of-the-art")]
    [InlineData("(attention), is all!", "attention is all")]
    [InlineData("what is attention?", "what is attention")]
    [InlineData("10:30 1:2", "10:30 1:2")]
    [InlineData("ti:foo:bar", "ti:foo:bar")]
    [InlineData("BERT: pre-training", "BERT pre-training")]
    [InlineData("https://github.com/openai/whisper", "github.com/openai/whisper")]
    [InlineData("foo\"bar baz\"", "foo \"bar baz\"")]
    [InlineData("- \"stray minus\"", "\"stray minus\"")]
    [InlineData("“curly quotes” «guillemets»", "\"curly quotes\" guillemets")]
    [InlineData("ｄｉｆｆｕｓｉｏｎ", "diffusion")]
    [InlineData("the of and a", "the of and a")]
    [InlineData("AND OR NOT", "AND OR NOT")]
    public void Parse_Syntax_GivesClauses(string query, string expected) =>
        Assert.Equal(expected, SearchQuery.Parse(query).ToString());

    [Fact]
    public void Parse_PrefixedPhrase_HasFieldPhraseAndExclusion()
    {
        var clause = Assert.Single(SearchQuery.Parse("-au:\"Geoffrey Hinton\"").Clauses);

        Assert.Equal(new QueryClause(QueryField.Authors, "Geoffrey Hinton", IsPhrase: true, IsExcluded: true), clause);
    }

    [Fact]
    public void Parse_CategoryWildcard_IsArchivePrefix()
    {
        var clause = Assert.Single(SearchQuery.Parse("cat:cs.*").Clauses);

        Assert.Equal(new QueryClause(QueryField.Category, "cs", IsPrefix: true), clause);
    }

    [Fact]
    public void Parse_TextAsTyped_IsKept()
    {
        const string typed = "  au:\"Hinton\"  (capsules ";

        Assert.Equal(typed, SearchQuery.Parse(typed).Text);
    }

    [Fact]
    public void Parse_FreeText_HasPositiveContentWordsOnly()
    {
        var query = SearchQuery.Parse("au:hinton \"capsule networks\" -diffusion cat:cs.LG ti:routing abs:dynamic 2406.12345");

        Assert.Equal("capsule networks routing dynamic", query.FreeText);
    }

    [Fact]
    public void Parse_PlainQuery_HasNoNotice() => Assert.Null(SearchQuery.Parse("graph neural networks").Notice);

    [Theory]
    [InlineData("au:\"Geoffrey Hinton\" -ti:diffusion cat:cs.* \"a b\" -\"c d\" word 2406.12345")]
    [InlineData("-2406.12345 10:30 C++ нейронные 注意力")]
    [InlineData("ti:foo:bar https://github.com/x/y")]
    public void Parse_ItsOwnToString_GivesTheSameQuery(string query)
    {
        var canonical = SearchQuery.Parse(query).ToString();

        Assert.Equal(canonical, SearchQuery.Parse(canonical).ToString());
    }

    [Fact]
    public void ParsePlainText_Syntax_IsReadAsWords()
    {
        var query = SearchQuery.ParsePlainText("Do \"statins\" cause -cancer? au:x the the");

        Assert.Equal("Do statins cause cancer au:x the the", query.ToString());
        Assert.All(query.Clauses, c => Assert.Equal(QueryField.Any, c.Field));
        Assert.Empty(query.ArxivIds);
    }

    [Fact]
    public void ParsePlainText_LongParagraph_KeepsMoreThanTheBoxCap()
    {
        var text = string.Join(' ', Enumerable.Range(0, 300).Select(i => $"w{i}"));

        Assert.Equal(300, SearchQuery.ParsePlainText(text).Clauses.Count);
    }
}
