namespace DailyPapers.Core.Search;

/// <summary>
/// One word or phrase of a parsed query. <see cref="Text"/> is plain text (never empty, never only punctuation);
/// escaping it for a search engine is the engine's job.
/// </summary>
/// <param name="IsPrefix">Only for categories: <c>cat:cs.*</c> is Text "cs" with IsPrefix, matching cs and cs.anything.</param>
public sealed record QueryClause(
    QueryField Field, string Text, bool IsPhrase = false, bool IsExcluded = false, bool IsPrefix = false)
{
    /// <summary>The clause in query syntax (<c>-au:"Geoffrey Hinton"</c>); parsing it gives the clause back.</summary>
    public override string ToString()
    {
        var prefix = Field switch
        {
            QueryField.Title => "ti:",
            QueryField.Abstract => "abs:",
            QueryField.Authors => "au:",
            QueryField.Category => "cat:",
            _ => "",
        };
        var text = IsPhrase ? $"\"{Text}\"" : IsPrefix ? Text + ".*" : Text;
        return (IsExcluded ? "-" : "") + prefix + text;
    }
}
