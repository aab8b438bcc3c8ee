namespace DailyPapers.Infrastructure.Search.Lexical;

/// <summary>Which text a highlight is made for: the title whole, or the best passages of the abstract.</summary>
public enum SnippetField
{
    Title,
    Abstract,
}
