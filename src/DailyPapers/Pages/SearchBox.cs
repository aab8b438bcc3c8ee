namespace DailyPapers.Pages;

/// <summary>What the layout's search box needs from the page it is on.</summary>
public static class SearchBox
{
    /// <summary>ViewData key of the query to show in the box: set by the search page, so the box shows what was searched.</summary>
    public const string QueryKey = "SearchQuery";

    /// <summary>ViewData key of a class for &lt;body&gt;: the search page's lets small screens drop the header box for its own.</summary>
    public const string BodyClassKey = "BodyClass";
}
