namespace DailyPapers.Infrastructure.Search;

/// <summary>Where vector search may look, as <c>LexicalSearcher.Scope</c> decides from the query and the filters.</summary>
/// <param name="Within">Score only these papers; null to search every vector.</param>
/// <param name="NeedsCheck">Restrictions apply but too many papers pass to list them: check each candidate instead.</param>
/// <param name="Matching">How many papers pass the restrictions (when <paramref name="NeedsCheck"/>).</param>
public sealed record SemanticScope(IReadOnlyCollection<string>? Within, bool NeedsCheck, int Matching = 0)
{
    public static SemanticScope Everything { get; } = new(null, false);

    public static SemanticScope CheckEach(int matching) => new(null, true, matching);

    public static SemanticScope Only(IReadOnlyCollection<string> ids) => new(ids, false, ids.Count);
}
