namespace DailyPapers.Core.Search;

/// <summary>Which retrievers rank the results; users get <see cref="Hybrid"/>, the benchmarks compare all three.</summary>
public enum SearchMode
{
    Hybrid,
    Lexical,
    Semantic,
}
