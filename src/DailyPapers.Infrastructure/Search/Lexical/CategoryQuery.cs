using Lucene.Net.Index;
using Lucene.Net.Search;

namespace DailyPapers.Infrastructure.Search.Lexical;

/// <summary>
/// Category matching for cat: clauses and the category filter alike: cs.LG is that category, cs.* (or cs with
/// <c>isPrefix</c>) the whole archive, and a bare cs either, since hep-th is both a category and an archive.
/// </summary>
internal static class CategoryQuery
{
    public static Query For(string text, bool isPrefix)
    {
        var code = text.ToLowerInvariant();
        if (isPrefix)
        {
            return new TermQuery(new Term(LexicalFields.Archive, code));
        }

        if (code.Contains('.', StringComparison.Ordinal))
        {
            return new TermQuery(new Term(LexicalFields.Category, code));
        }

        return new BooleanQuery
        {
            { new TermQuery(new Term(LexicalFields.Category, code)), Occur.SHOULD },
            { new TermQuery(new Term(LexicalFields.Archive, code)), Occur.SHOULD },
        };
    }

    /// <summary>A filter's category as written there: cs.LG, hep-th or cs.*.</summary>
    public static Query ForFilter(string category) => category.EndsWith(".*", StringComparison.Ordinal)
        ? For(category[..^2], isPrefix: true)
        : For(category, isPrefix: false);
}
