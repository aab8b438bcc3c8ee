namespace DailyPapers.Infrastructure.Benchmarks.Scale;

/// <summary>
/// One paper of a generated corpus, without its texts: its new id and dates, and which source papers (indices into
/// <see cref="SourceCorpus.Papers"/>) its texts come from. A benchmark can derive what it needs of a generated paper
/// (a vector, say) from its sources through these, without writing or reading the corpus file.
/// </summary>
/// <param name="Index">0-based position in the corpus (and line in its file).</param>
/// <param name="Versions">When each version was created, v1 first, in the month of the id.</param>
/// <param name="TitleSource">The paper whose title, categories and comments this one has.</param>
/// <param name="AbstractSource">The paper the abstract's first sentences (or all of them) come from.</param>
/// <param name="SecondAbstractSource">The paper the abstract's last sentences come from, if any.</param>
/// <param name="AbstractSplit">Share (0.3–0.7) of <see cref="AbstractSource"/>'s sentences kept, and of <see cref="SecondAbstractSource"/>'s skipped.</param>
/// <param name="AuthorsSource">The paper whose authors this one has.</param>
public sealed record GeneratedPaper(
    long Index,
    string Id,
    IReadOnlyList<DateTime> Versions,
    int TitleSource,
    int AbstractSource,
    int? SecondAbstractSource,
    double AbstractSplit,
    int AuthorsSource,
    string? License);
