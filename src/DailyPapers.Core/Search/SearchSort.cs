namespace DailyPapers.Core.Search;

public enum SearchSort
{
    Relevance,
    Newest,
    MostVoted,
}
