using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace DailyPapers.Infrastructure.Search.Lexical;

/// <summary>Drops the tokens inside LaTeX math, so the highlighter never marks a word within a formula.</summary>
internal sealed class OutsideMathFilter : TokenFilter
{
    private readonly List<(int Start, int End)> _spans;
    private readonly IOffsetAttribute _offset;

    public OutsideMathFilter(TokenStream input, List<(int Start, int End)> spans)
        : base(input)
    {
        _spans = spans;
        _offset = AddAttribute<IOffsetAttribute>();
    }

    public override bool IncrementToken()
    {
        while (m_input.IncrementToken())
        {
            if (!MathSpans.Contains(_spans, _offset.StartOffset))
            {
                return true;
            }
        }

        return false;
    }
}
