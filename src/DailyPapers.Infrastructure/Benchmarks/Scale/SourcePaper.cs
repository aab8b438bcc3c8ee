namespace DailyPapers.Infrastructure.Benchmarks.Scale;

/// <summary>The texts of one real paper that generated papers borrow from, as its Kaggle line had them.</summary>
public sealed record SourcePaper(
    string Id,
    string Title,
    string Abstract,
    string? Authors,
    IReadOnlyList<string[]> AuthorsParsed,
    string Categories,
    string? Comments);
