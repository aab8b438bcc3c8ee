namespace DailyPapers.Core.Digests;

public enum DigestKind
{
    Daily,
    Weekly,
    Alert,

    /// <summary>A reader's own ranked list (daily or weekly), each paper with the reason it is there.</summary>
    ForYou,
}
