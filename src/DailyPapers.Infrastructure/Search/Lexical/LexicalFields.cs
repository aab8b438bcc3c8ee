namespace DailyPapers.Infrastructure.Search.Lexical;

/// <summary>
/// The names of the index's fields. Changing a field, its analysis or its meaning changes <see cref="SchemaVersion"/>,
/// and an index written under another version is rebuilt from the store when it is opened.
/// </summary>
internal static class LexicalFields
{
    public const int SchemaVersion = 2;

    /// <summary>The arXiv id: a keyword term (updates and deletes), stored, and doc values (ids of hits without stored-field reads).</summary>
    public const string Id = "id";

    /// <summary>English analysis (Porter stemming, stop words); not stored (highlighting reads the store's text).</summary>
    public const string Title = "title";

    /// <summary>English analysis; not stored.</summary>
    public const string Abstract = "abstract";

    /// <summary>One value per author, words lower-cased and folded to ASCII, with a gap so phrases never span two names.</summary>
    public const string Authors = "authors";

    /// <summary>The title again, without stemming or stop words: for queries made only of stop words ("to be or not to be").</summary>
    public const string TitleWords = "title_words";

    /// <summary>The title's <c>ExactTitle.Key</c>, one keyword: finds the paper whose title is the whole query.</summary>
    public const string TitleKey = "title_key";

    /// <summary>Each category, lower-cased (<c>cs.lg</c>).</summary>
    public const string Category = "cat";

    /// <summary>Each category's archive, lower-cased (<c>cs</c> for cs.LG; <c>hep-th</c> for hep-th): for <c>cat:cs.*</c>.</summary>
    public const string Archive = "archive";

    /// <summary>Publication day (first version, else first listing) as <c>DateOnly.DayNumber</c>: range filter and sort.</summary>
    public const string Day = "day";

    /// <summary>The sum of the listings' upvotes: range filter and sort.</summary>
    public const string Votes = "votes";

    /// <summary>Present (value <see cref="Yes"/>) only when the paper links to its code.</summary>
    public const string HasCode = "has_code";

    public const string Yes = "1";

    /// <summary>Commit user data: the last store change sequence whose changes this commit holds.</summary>
    public const string CommitSequence = "change_seq";

    /// <summary>Commit user data: the <see cref="SchemaVersion"/> the index was written with.</summary>
    public const string CommitSchema = "schema";
}
