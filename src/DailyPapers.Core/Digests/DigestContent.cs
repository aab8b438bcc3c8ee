namespace DailyPapers.Core.Digests;

/// <summary>
/// What one period's digest says, the same for every subscriber: a heading such as
/// "Trending papers · Tuesday, June 10, 2025", "Top papers of the week 2025-W24" or
/// "New papers for your alert “diffusion au:ho”", and the papers in the order they are shown.
/// </summary>
public sealed record DigestContent(DigestKind Kind, string Heading, IReadOnlyList<DigestPaper> Papers, string? AlertQuery = null);
