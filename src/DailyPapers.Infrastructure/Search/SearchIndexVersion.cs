using System.Globalization;
using DailyPapers.Infrastructure.Search.Lexical;
using DailyPapers.Infrastructure.Search.Vectors;

namespace DailyPapers.Infrastructure.Search;

/// <summary>
/// How far this process's search state has followed the store: the lexical index's and the vector index's
/// sequences. A page that shows search output (similar papers) is cached under it as well as under the store's
/// counter, so a page made in the second before the index caught up is not kept afterwards.
/// </summary>
public sealed class SearchIndexVersion(LexicalIndex lexical, VectorIndex? vectors)
{
    public string Current => string.Create(CultureInfo.InvariantCulture, $"{LexicalSequence()}.{vectors?.AppliedSequence ?? 0}");

    /// <summary>The store change the lexical index has applied up to; -1 while it cannot be read (a reindex holds it).</summary>
    public long LexicalApplied => LexicalSequence();

    /// <summary>Whether this node's vectors have been loaded since it started (null when semantic search is off).</summary>
    public bool? VectorsLoaded => vectors?.IsLoaded;

    private long LexicalSequence()
    {
        try
        {
            return lexical.AppliedSequence;
        }
        catch (Exception e) when (e is LexicalIndexBusyException or IOException or ObjectDisposedException)
        {
            // No index to follow right now (a reindex holds it, or the app is stopping): pages still render.
            return -1;
        }
    }
}
