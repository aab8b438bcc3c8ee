using DailyPapers.Core.Papers;

namespace DailyPapers.Core.Search;

/// <summary>
/// Turns raw words and phrases into clean clauses, dropping what has no letter or digit, repeats (when asked) and
/// everything past the term cap. Ids count as terms.
/// </summary>
internal sealed class ClauseCollector(int maxTerms, bool dropRepeats)
{
    private readonly HashSet<string> _seen = new(StringComparer.OrdinalIgnoreCase);

    public List<QueryClause> Clauses { get; } = [];

    public List<ArxivId> Ids { get; } = [];

    /// <summary>True once something was dropped because the query already had <c>maxTerms</c> terms.</summary>
    public bool HitTermCap { get; private set; }

    public void AddId(ArxivId id)
    {
        if (!_seen.Contains("id " + id.Value) && HasRoom())
        {
            _seen.Add("id " + id.Value);
            Ids.Add(id);
        }
    }

    public void AddWord(QueryField field, string word, bool excluded)
    {
        var isPrefix = false;
        if (field == QueryField.Category && word.EndsWith('*'))
        {
            // cat:cs.* and cat:cs* both mean every category of the archive.
            word = word.TrimEnd('*').TrimEnd('.');
            isPrefix = true;
        }

        if (QueryText.CleanWord(word) is { } text)
        {
            Add(new QueryClause(field, text, IsExcluded: excluded, IsPrefix: isPrefix));
        }
    }

    /// <summary>
    /// A phrase of one word is a word. Categories have no phrases: each quoted word is its own category.
    /// Returns false when the phrase had nothing searchable in it.
    /// </summary>
    public bool AddPhrase(QueryField field, string phrase, bool excluded)
    {
        var words = phrase.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (field == QueryField.Category)
        {
            foreach (var word in words)
            {
                AddWord(field, word, excluded);
            }

            return words.Length > 0;
        }

        var clean = words.Select(QueryText.CleanWord).OfType<string>().ToList();
        if (clean.Count > 0)
        {
            Add(new QueryClause(field, string.Join(' ', clean), IsPhrase: clean.Count > 1, IsExcluded: excluded));
        }

        return clean.Count > 0;
    }

    private void Add(QueryClause clause)
    {
        var key = clause.ToString();
        if ((!dropRepeats || !_seen.Contains(key)) && HasRoom())
        {
            _seen.Add(key);
            Clauses.Add(clause);
        }
    }

    private bool HasRoom()
    {
        if (Clauses.Count + Ids.Count < maxTerms)
        {
            return true;
        }

        HitTermCap = true;
        return false;
    }
}
