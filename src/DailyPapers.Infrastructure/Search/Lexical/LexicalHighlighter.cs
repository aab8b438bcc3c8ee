using Lucene.Net.Analysis;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;

namespace DailyPapers.Infrastructure.Search.Lexical;

/// <summary>
/// Marks the query's words in a title or abstract with <c>&lt;mark&gt;</c>, analysed exactly as the index analyses
/// them (so "networks" marks "network"). The result is HTML: all text is encoded and the only tags are the marks.
/// </summary>
internal sealed class LexicalHighlighter(Analyzer analyzer)
{
    /// <summary>About two lines of a results page per passage.</summary>
    private const int PassageLength = 220;

    private const int MaxPassages = 2;

    /// <summary>Null when no query word occurs in the text (the page then shows the text itself, encoded).</summary>
    public string? Highlight(string? text, Query query, SnippetField field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var name = field == SnippetField.Title ? LexicalFields.Title : LexicalFields.Abstract;
        var scorer = new QueryScorer(query, name);
        var highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), MarkupEncoder.Instance, scorer)
        {
            TextFragmenter = field == SnippetField.Title ? new NullFragmenter() : new SimpleSpanFragmenter(scorer, PassageLength),
        };

        var tokens = analyzer.GetTokenStream(name, text);
        var spans = MathSpans.Find(text);
        if (spans.Count > 0)
        {
            tokens = new OutsideMathFilter(tokens, spans);
        }

        try
        {
            var passages = highlighter.GetBestFragments(tokens, text, MaxPassages);
            return passages.Length == 0 ? null : string.Join(" … ", passages.Select(p => p.Trim()));
        }
        catch (InvalidTokenOffsetsException)
        {
            // Cannot happen with this analyzer (offsets come from the same text); a plain result beats an error.
            return null;
        }
        finally
        {
            tokens.Dispose();
        }
    }
}
