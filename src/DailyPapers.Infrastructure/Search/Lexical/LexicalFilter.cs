using DailyPapers.Core.Search;
using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.Search;

namespace DailyPapers.Infrastructure.Search.Lexical;

/// <summary>The <see cref="SearchFilters"/> as one Lucene filter: it restricts the hits and never changes a score.</summary>
internal static class LexicalFilter
{
    /// <summary>Null when the filters restrict nothing.</summary>
    public static Filter? For(SearchFilters filters)
    {
        if (filters.IsEmpty)
        {
            return null;
        }

        var all = new BooleanQuery();
        if (filters.From is not null || filters.To is not null)
        {
            all.Add(NumericRangeQuery.NewInt32Range(LexicalFields.Day, filters.From?.DayNumber, filters.To?.DayNumber, true, true), Occur.MUST);
        }

        if (filters.Categories.Count > 0)
        {
            var anyCategory = new BooleanQuery();
            foreach (var category in filters.Categories.Distinct(StringComparer.OrdinalIgnoreCase).Take(BooleanQuery.MaxClauseCount))
            {
                anyCategory.Add(CategoryQuery.ForFilter(category), Occur.SHOULD);
            }

            all.Add(anyCategory, Occur.MUST);
        }

        if (filters.HasCode)
        {
            all.Add(new TermQuery(new Term(LexicalFields.HasCode, LexicalFields.Yes)), Occur.MUST);
        }

        if (filters.MinVotes is > 0 and var minVotes)
        {
            all.Add(NumericRangeQuery.NewInt32Range(LexicalFields.Votes, minVotes, null, true, true), Occur.MUST);
        }

        if (filters.PaperIds is { } ids)
        {
            // A terms filter, not a BooleanQuery: a month's listing has more ids than BooleanQuery's 1,024 clauses.
            all.Add(new ConstantScoreQuery(IdsFilter(ids)), Occur.MUST);
        }

        return new QueryWrapperFilter(all);
    }

    /// <summary>Matches exactly the papers with these ids (none for an empty list).</summary>
    public static Filter IdsFilter(IEnumerable<string> ids)
    {
        var terms = ids.Distinct(StringComparer.Ordinal).Select(id => new Term(LexicalFields.Id, id)).ToList();
        return terms.Count == 0 ? new QueryWrapperFilter(new BooleanQuery()) : new TermsFilter(terms);
    }
}
