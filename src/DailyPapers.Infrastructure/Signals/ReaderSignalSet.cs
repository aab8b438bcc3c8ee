namespace DailyPapers.Infrastructure.Signals;

/// <summary>Where a positive signal came from: said in a card's reason ("close to X you saved").</summary>
public enum PositiveSource
{
    Vote,
    Pick,
    Save,
}

/// <summary>A paper the reader liked, how and when.</summary>
public sealed record PositiveSignal(string PaperId, PositiveSource Source, DateTime At);

/// <summary>An author or category the reader follows: matched by its key, shown by its label.</summary>
public sealed record FollowedName(FollowKind Kind, string Key, string Label);

/// <summary>
/// Everything "for you" needs to know about one reader, read at one signals version: a model trained from this set is
/// current until the version moves.
/// </summary>
public sealed record ReaderSignalSet(
    string UserId,
    long Version,
    int Days,
    int PersonalWeight,
    IReadOnlyList<PositiveSignal> Positives,
    IReadOnlySet<string> Dismissed,
    IReadOnlyList<FollowedName> Follows)
{
    /// <summary>Nothing to learn from or follow yet: the reader should set up their feed first.</summary>
    public bool IsCold => Positives.Count == 0 && Follows.Count == 0;
}
