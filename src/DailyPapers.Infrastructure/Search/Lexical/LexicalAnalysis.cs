using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.TokenAttributes;

namespace DailyPapers.Infrastructure.Search.Lexical;

/// <summary>The one analyzer of the index, per field, used alike for indexing, queries and highlighting.</summary>
internal static class LexicalAnalysis
{
    public static Analyzer Create()
    {
        var words = new WordsAnalyzer();
        return new PerFieldAnalyzerWrapper(new EnglishTextAnalyzer(), new Dictionary<string, Analyzer>
        {
            [LexicalFields.Authors] = words,
            [LexicalFields.TitleWords] = words,
        });
    }

    /// <summary>The terms the index would hold for <paramref name="text"/> in <paramref name="field"/>, in order.</summary>
    public static List<AnalyzedTerm> Terms(Analyzer analyzer, string field, string text)
    {
        var terms = new List<AnalyzedTerm>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            terms.Add(new AnalyzedTerm(term.ToString(), position));
        }

        stream.End();
        return terms;
    }
}
