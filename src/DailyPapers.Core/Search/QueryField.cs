namespace DailyPapers.Core.Search;

/// <summary>The part of a paper a query clause is matched against.</summary>
public enum QueryField
{
    Any,
    Title,
    Abstract,
    Authors,
    Category,
}
