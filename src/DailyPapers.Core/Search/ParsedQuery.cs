using DailyPapers.Core.Papers;

namespace DailyPapers.Core.Search;

/// <summary>What a search box query asks for, made by <see cref="SearchQuery"/>.</summary>
public sealed class ParsedQuery
{
    public ParsedQuery(string text, IReadOnlyList<QueryClause> clauses, IReadOnlyList<ArxivId> arxivIds, string? notice)
    {
        Text = text;
        Clauses = clauses;
        ArxivIds = arxivIds;
        Notice = notice;
        // Authors and categories are left out: an embedding of "hinton cs.LG" says nothing about a paper's content.
        FreeText = string.Join(' ', clauses
            .Where(c => !c.IsExcluded && c.Field is QueryField.Any or QueryField.Title or QueryField.Abstract)
            .Select(c => c.Text));
    }

    /// <summary>The query exactly as it was typed (a long one is not shortened here, only in the clauses).</summary>
    public string Text { get; }

    public IReadOnlyList<QueryClause> Clauses { get; }

    /// <summary>Papers named by id or URL, in the order typed: the engine puts them first.</summary>
    public IReadOnlyList<ArxivId> ArxivIds { get; }

    /// <summary>
    /// The positive words and phrases about a paper's content (any field, title, abstract), without syntax, for the
    /// embedding model. Empty when the query names only authors, categories, ids or exclusions.
    /// </summary>
    public string FreeText { get; }

    /// <summary>A sentence for the user when the query was changed or partly ignored; null when taken as typed.</summary>
    public string? Notice { get; }

    public bool IsEmpty => Clauses.Count == 0 && ArxivIds.Count == 0;

    /// <summary>The query as the parser understood it, in query syntax, ids last: a canonical key for the query.</summary>
    public override string ToString() =>
        string.Join(' ', Clauses.Select(c => c.ToString()).Concat(ArxivIds.Select(id => id.Value)));
}
