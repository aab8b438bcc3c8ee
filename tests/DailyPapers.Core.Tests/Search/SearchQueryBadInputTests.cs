using System.Text;
using DailyPapers.Core.Search;

namespace DailyPapers.Core.Tests.Search;

public class SearchQueryBadInputTests
{
    public static TheoryData<string> LuceneSpecials =>
        ["+", "-", "&&", "||", "!", "(", ")", "{", "}", "[", "]", "^", "\"", "~", "*", "?", ":", "\\", "/"];

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \t\n ")]
    public void Parse_NothingTyped_IsEmptyWithoutNotice(string? query)
    {
        var parsed = SearchQuery.Parse(query);

        Assert.True(parsed.IsEmpty);
        Assert.Null(parsed.Notice);
        Assert.Equal("", parsed.FreeText);
    }

    [Theory]
    [MemberData(nameof(LuceneSpecials))]
    [InlineData("+ - && || ! ( ) { } [ ] ^ \" ~ * ? : \\ /")]
    [InlineData("--")]
    [InlineData("\"\"")]
    [InlineData("\"   \"")]
    [InlineData("🤗")]
    public void Parse_OnlyPunctuation_IsEmptyWithNotice(string query)
    {
        var parsed = SearchQuery.Parse(query);

        Assert.True(parsed.IsEmpty);
        Assert.Contains("nothing to search for", parsed.Notice, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("attention^2 +transformer~ a&&b || c! bert*", "attention^2 transformer a&&b c bert")]
    [InlineData("((attention", "attention")]
    [InlineData("attention))", "attention")]
    [InlineData("(a (b) c", "a b c")]
    [InlineData("{[graph]} \\neural/ ?networks?", "graph neural networks")]
    [InlineData("🤗 transformers", "transformers")]
    public void Parse_LuceneSpecialsAroundWords_LeaveCleanWords(string query, string expected) =>
        Assert.Equal(expected, SearchQuery.Parse(query).ToString());

    [Theory]
    [InlineData("\"attention is all", "\"attention is all\"")]
    [InlineData("au:\"Geoffrey Hinton", "au:\"Geoffrey Hinton\"")]
    [InlineData("a \"b c\" \"d e", "a \"b c\" \"d e\"")]
    public void Parse_UnclosedQuote_RunsToTheEndWithNotice(string query, string expected)
    {
        var parsed = SearchQuery.Parse(query);

        Assert.Equal(expected, parsed.ToString());
        Assert.Contains("closing quote was missing", parsed.Notice, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_QuotesInsideQuotes_PairUpLeftToRight() =>
        Assert.Equal("Nested quotes inside here", SearchQuery.Parse("Nested \"quotes \"inside\" here\"").ToString());

    [Fact]
    public void Parse_UnknownPrefix_IsWordsWithNoticeNamingKnownPrefixes()
    {
        var parsed = SearchQuery.Parse("foo:bar");

        Assert.Equal("foo bar", parsed.ToString());
        Assert.StartsWith("foo: is not a search prefix", parsed.Notice, StringComparison.Ordinal);
        Assert.Contains("au: (authors), ti: (title), abs: (abstract) and cat:", parsed.Notice, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeveralUnknownPrefixes_AreNamedOnce()
    {
        var parsed = SearchQuery.Parse("foo:bar baz:qux FOO:again");

        Assert.Equal("foo bar baz qux again", parsed.ToString());
        Assert.StartsWith("baz:, foo: are not search prefixes", parsed.Notice, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("au:")]
    [InlineData("au:  ")]
    [InlineData("-ti:")]
    public void Parse_PrefixWithNothingAfter_IsEmptyWithNotice(string query)
    {
        var parsed = SearchQuery.Parse(query);

        Assert.True(parsed.IsEmpty);
        Assert.Contains("needs a word or a \"phrase\" right after it", parsed.Notice, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PrefixFollowedByAnotherPrefix_IsDropped()
    {
        var parsed = SearchQuery.Parse("au: ti:diffusion");

        Assert.Equal("ti:diffusion", parsed.ToString());
        Assert.StartsWith("au: needs a word", parsed.Notice, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("нейронные сети")]
    [InlineData("注意力机制 变换器")]
    [InlineData("الشبكات العصبية")]
    [InlineData("ध्यान तंत्र")]
    [InlineData("Μηχανική μάθηση")]
    [InlineData("трансформер attention")]
    public void Parse_NonLatinScripts_AreKeptAsWords(string query)
    {
        var parsed = SearchQuery.Parse(query);

        Assert.Equal(query, parsed.ToString());
        Assert.Equal(query, parsed.FreeText);
        Assert.Null(parsed.Notice);
    }

    [Theory]
    [InlineData("ما هو الانتباه؟", "ما هو الانتباه")]
    [InlineData("「拡散モデル」とは？", "拡散モデル とは")]
    public void Parse_NonLatinPunctuation_IsTrimmed(string query, string expected) =>
        Assert.Equal(expected, SearchQuery.Parse(query).ToString());

    [Fact]
    public void Parse_OnlyStopWords_KeepsThemForTheEngine()
    {
        var parsed = SearchQuery.Parse("the of and");

        Assert.False(parsed.IsEmpty);
        Assert.Equal(3, parsed.Clauses.Count);
        Assert.Null(parsed.Notice);
    }

    [Fact]
    public void Parse_TenThousandCharacterWord_IsCutWithNotice()
    {
        var parsed = SearchQuery.Parse(new string('a', 10_000));

        Assert.Equal(SearchQuery.MaxLength, Assert.Single(parsed.Clauses).Text.Length);
        Assert.Contains("only its first 1,000 characters", parsed.Notice, StringComparison.Ordinal);
        Assert.Equal(10_000, parsed.Text.Length);
    }

    [Fact]
    public void Parse_TenThousandCharactersOfWords_KeepsFirstTermsWithNotices()
    {
        var query = string.Join(' ', Enumerable.Range(0, 2_000).Select(i => $"w{i}"));

        var parsed = SearchQuery.Parse(query);

        Assert.Equal(SearchQuery.MaxTerms, parsed.Clauses.Count);
        Assert.Equal("w0", parsed.Clauses[0].Text);
        Assert.Contains("too long", parsed.Notice, StringComparison.Ordinal);
        Assert.Contains("only the first 64 were searched", parsed.Notice, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TenThousandSpecialCharacters_IsEmptyWithNotice()
    {
        var parsed = SearchQuery.Parse(new string('(', 10_000));

        Assert.True(parsed.IsEmpty);
        Assert.Contains("nothing to search for", parsed.Notice, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CutInsideASurrogatePair_DoesNotSplitIt()
    {
        var query = new string('a', SearchQuery.MaxLength - 1) + "😀😀";

        var parsed = SearchQuery.Parse(query);

        Assert.Equal(new string('a', SearchQuery.MaxLength - 1), Assert.Single(parsed.Clauses).Text);
    }

    [Theory]
    [InlineData("\uD800 attention \uDC00", "attention")]
    [InlineData("atten\u0000tion\u0007", "atten tion")]
    [InlineData("atten\u00ADtion", "attention")]
    [InlineData("\u202Eattention\u202C", "attention")]
    [InlineData("\uFEFFattention\r\nmodels", "attention models")]
    public void Parse_InvisibleAndBrokenCharacters_AreCleanedUp(string query, string expected) =>
        Assert.Equal(expected, SearchQuery.Parse(query).ToString());

    [Fact]
    public void Parse_RandomInput_NeverThrowsAndGivesCleanTerms()
    {
        const string alphabet = "aZ9 \"'-+:()[]{}^~*?\\/&|!.,;_@#$%\t\n\u0000\uD800\uDC00\u00AD\u202Eйж注😀ـ٢";
        string[] pieces = ["au:", "ti:", "abs:", "cat:", "foo:", "-", "\"", "2406.12345", "https://arxiv.org/abs/", "cs.*"];
        var random = new Random(20250610);
        for (var run = 0; run < 3_000; run++)
        {
            var text = new StringBuilder();
            var length = random.Next(0, 60);
            for (var i = 0; i < length; i++)
            {
                text.Append(random.Next(4) == 0 ? pieces[random.Next(pieces.Length)] : alphabet[random.Next(alphabet.Length)]);
            }

            var parsed = SearchQuery.Parse(text.ToString());

            // Runes, not chars: a pair of random surrogates can make a letter outside the basic plane.
            Assert.All(parsed.Clauses, c => Assert.True(
                c.Text.EnumerateRunes().Any(Rune.IsLetterOrDigit), $"'{c.Text}' from '{text}'"));
            Assert.True(parsed.IsEmpty == (parsed.Clauses.Count == 0 && parsed.ArxivIds.Count == 0));
        }
    }
}
