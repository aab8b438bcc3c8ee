namespace DailyPapers.Infrastructure.Search.Lexical;

/// <summary>A paper at its place in the store's change sequence: what to index, or null when it was withdrawn.</summary>
internal sealed record PaperChange(long Sequence, string Id, LexicalDocument? Document);
