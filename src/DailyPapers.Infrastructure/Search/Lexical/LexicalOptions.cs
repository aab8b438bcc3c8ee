namespace DailyPapers.Infrastructure.Search.Lexical;

/// <summary>
/// The <c>Search:Lexical</c> configuration section: how the Lucene index follows the store and how it ranks. The
/// initial values repeat appsettings.json so that a host without that file (a test, a tool) behaves the same.
/// </summary>
public sealed class LexicalOptions
{
    public const string Section = "Search:Lexical";

    /// <summary>How often the running app looks for papers changed since the last catch-up.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Papers read from the store per query while catching up.</summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>
    /// A long catch-up commits at least this often, so a crash loses at most this much work (it is redone from the
    /// store). Each commit flushes and syncs files to disk: every 10 s made the first catch-up of 75k papers 70%
    /// slower than one commit at the end. A catch-up always commits when it ends.
    /// </summary>
    public TimeSpan CommitInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Weight of a title match against an abstract match. 1 (Anserini's multifield BEIR setting) measured better than
    /// 2 on NFCorpus dev and train (nDCG@10 0.294 vs 0.285, 0.320 vs 0.308).
    /// </summary>
    public float TitleBoost { get; set; } = 1f;

    /// <summary>Weight of an author-name match for words typed without a prefix.</summary>
    public float AuthorsBoost { get; set; } = 1f;

    /// <summary>
    /// Postings a query whose words are all optional may read and still be ranked by BM25 alone. Beyond it (a common
    /// word such as "learning" alone has hundreds of thousands at 2.7M papers, where such queries took 61 ms at the
    /// median), in relevance order without a filter, the papers with every word come first, then those with all but one,
    /// then all but two, then the rest: the same papers, each with its BM25 score, but one with fewer of the words never
    /// ranks above one with more. 75k papers stay under it for most queries.
    /// </summary>
    public long ExactPostingsBudget { get; set; } = 200_000;

    /// <summary>
    /// Whether a search for a page of results scores each segment of the index on its own task (the shared thread pool)
    /// and merges the pages; counts and id lists stay sequential. The largest segment sets the time: at 2.7M papers
    /// lexical p50 / p99 went from 12.4 / 114 to 8.7 / 67 ms on an idle 2-core machine. Under many concurrent searches,
    /// or a busy machine, it gains nothing and costs some scheduling: turn it off there.
    /// </summary>
    public bool SearchSegmentsInParallel { get; set; } = true;

    /// <summary>BM25 term-frequency saturation; 0.9 with <see cref="B"/> 0.4 are Anserini's defaults for BEIR.</summary>
    public float K1 { get; set; } = 0.9f;

    /// <summary>BM25 length normalisation.</summary>
    public float B { get; set; } = 0.4f;
}
