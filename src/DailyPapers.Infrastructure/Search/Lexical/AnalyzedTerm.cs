namespace DailyPapers.Infrastructure.Search.Lexical;

/// <summary>A term of analysed query text and its position (stop words leave gaps, so phrases keep their shape).</summary>
internal readonly record struct AnalyzedTerm(string Text, int Position);
