using DailyPapers.Core.Listings;
using Microsoft.AspNetCore.Html;

namespace DailyPapers.Pages;

/// <summary>
/// A result as a results page shows it: the paper, and its title and best abstract passage with the query's words
/// in &lt;mark&gt; (already encoded HTML from the highlighter), or null where no query word occurs.
/// </summary>
public sealed record SearchHit(ListedPaper Paper, HtmlString? MarkedTitle, HtmlString? MarkedSnippet);
