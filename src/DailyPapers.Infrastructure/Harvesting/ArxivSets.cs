namespace DailyPapers.Infrastructure.Harvesting;

/// <summary>
/// Maps arXiv categories to OAI-PMH sets. Sets are group[:archive[:CATEGORY]] (<c>cs</c>, <c>physics:hep-th</c>,
/// and since 2025 <c>cs:cs:LG</c>); the archive-level names are the ones both the 2025 server and the older one accept.
/// </summary>
public static class ArxivSets
{
    // The archives filed under the physics group; every other archive is a group of its own.
    private static readonly HashSet<string> PhysicsArchives = new(StringComparer.Ordinal)
    {
        "astro-ph", "cond-mat", "gr-qc", "hep-ex", "hep-lat", "hep-ph", "hep-th", "math-ph", "nlin", "nucl-ex",
        "nucl-th", "physics", "quant-ph",
    };

    private static readonly HashSet<string> Groups = new(StringComparer.Ordinal)
    {
        "cs", "econ", "eess", "math", "q-bio", "q-fin", "stat",
    };

    /// <summary>The set to harvest for a category (<c>cs.LG</c> → <c>cs</c>, <c>hep-th</c> → <c>physics:hep-th</c>), or null.</summary>
    public static string? SetFor(string category)
    {
        var path = PathOf(category);
        return path is null ? null : path[0] == "physics" ? $"physics:{path[1]}" : path[0];
    }

    /// <summary>
    /// The categories among <paramref name="categories"/> that <paramref name="set"/> contains. Empty means the set is
    /// not one the configuration asked for (an explicit <c>--set</c>), so none of its papers should be left out.
    /// </summary>
    public static IReadOnlyList<string> CategoriesWithin(string set, IEnumerable<string> categories)
    {
        var setPath = set.Split(':');
        return categories.Where(c => PathOf(c) is { } path && setPath.Length <= path.Length
            && setPath.Select((part, i) => string.Equals(part, path[i], StringComparison.OrdinalIgnoreCase)).All(same => same)).ToList();
    }

    // cs.LG → [cs, cs, LG]; hep-th → [physics, hep-th]; cond-mat.mes-hall → [physics, cond-mat, mes-hall].
    private static string[]? PathOf(string category)
    {
        var dot = category.IndexOf('.', StringComparison.Ordinal);
        var archive = dot < 0 ? category : category[..dot];
        var group = PhysicsArchives.Contains(archive) ? "physics" : Groups.Contains(archive) ? archive : null;
        if (group is null)
        {
            return null;
        }

        return dot < 0 ? [group, archive] : [group, archive, category[(dot + 1)..]];
    }
}
