using DailyPapers.Core.Search;

namespace DailyPapers.Infrastructure.Search.Benchmarks;

/// <summary>
/// A parsed query in SQLite FTS5's MATCH syntax, for the FTS5 peer of the latency benchmark: every word and phrase a
/// quoted string (so no character typed is FTS5 syntax), plain words OR-ed as BM25 bags are, and what the query
/// language makes required (phrases, au:, ti:, abs:, cat:) AND-ed, exclusions NOT-ed.
/// </summary>
public static class Fts5Query
{
    /// <summary>The MATCH expression, or null when the query has nothing FTS5 can rank (only exclusions, or empty).</summary>
    public static string? From(ParsedQuery query)
    {
        var words = new List<string>();
        var required = new List<string>();
        var excluded = new List<string>();
        foreach (var clause in query.Clauses)
        {
            if (!clause.Text.Any(char.IsLetterOrDigit))
            {
                continue;
            }

            var column = clause.Field switch
            {
                QueryField.Title => "title : ",
                QueryField.Abstract => "abstract : ",
                QueryField.Authors => "authors : ",
                QueryField.Category => "categories : ",
                _ => "",
            };
            var term = column + Quote(clause.Text);
            if (clause.IsExcluded)
            {
                excluded.Add(term);
            }
            else if (clause is { Field: QueryField.Any, IsPhrase: false })
            {
                words.Add(term);
            }
            else
            {
                required.Add(term);
            }
        }

        var positive = new List<string>(required);
        if (words.Count > 0)
        {
            positive.Insert(0, words.Count == 1 || required.Count == 0 ? string.Join(" OR ", words) : "(" + string.Join(" OR ", words) + ")");
        }

        if (positive.Count == 0)
        {
            return null;
        }

        var match = string.Join(" AND ", positive);
        return excluded.Count == 0 ? match : $"({match}) NOT ({string.Join(" OR ", excluded)})";
    }

    /// <summary>An FTS5 string: inside double quotes nothing is syntax, and a double quote is written twice.</summary>
    public static string Quote(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
