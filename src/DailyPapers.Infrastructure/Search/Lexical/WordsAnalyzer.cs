using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace DailyPapers.Infrastructure.Search.Lexical;

/// <summary>
/// Words as typed, lower-cased and folded to ASCII ("Müller" finds "Muller" and "muller"), with no stemming and no
/// stop words: for names, and for titles searched only by stop words. Values of one field are 100 positions apart
/// so that a phrase never matches across two of them (the end of one author's name and the start of the next).
/// </summary>
internal sealed class WordsAnalyzer : Analyzer
{
    private const int GapBetweenValues = 100;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(LuceneVersion.LUCENE_48, reader);
        TokenStream stream = new LowerCaseFilter(LuceneVersion.LUCENE_48, tokenizer);
        stream = new ASCIIFoldingFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }

    public override int GetPositionIncrementGap(string fieldName) => GapBetweenValues;
}
