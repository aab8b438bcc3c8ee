namespace DailyPapers.Infrastructure.Ingestion.Sources;

/// <summary>
/// A whole source document is unusable (not well-formed, or not the kind of document the reader expects), as
/// opposed to one bad record in it, which becomes a <see cref="Core.Papers.RejectedItem"/>.
/// </summary>
public sealed class SourceFormatException : Exception
{
    public SourceFormatException()
    {
    }

    public SourceFormatException(string message)
        : base(message)
    {
    }

    public SourceFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
