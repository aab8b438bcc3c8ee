namespace DailyPapers.Infrastructure.Ingestion.Sources;

/// <summary>
/// The rest of a bulk file cannot be read (cut short, corrupt): what came before <see cref="Location"/> was read and
/// stands, and an import stops there rather than go on past a hole in its input.
/// </summary>
public sealed class UnreadableSourceException : Exception
{
    public UnreadableSourceException()
    {
    }

    public UnreadableSourceException(string message)
        : base(message)
    {
    }

    public UnreadableSourceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public UnreadableSourceException(string location, string reason, Exception? innerException = null)
        : base($"{location}: {reason}", innerException)
    {
        Location = location;
        Reason = reason;
    }

    /// <summary>"file:line", the first line that could not be read.</summary>
    public string Location { get; } = "";

    public string Reason { get; } = "";
}
