namespace DailyPapers.Core.Digests;

public enum DigestKind
{
    Daily,
    Weekly,
    Alert,
}
