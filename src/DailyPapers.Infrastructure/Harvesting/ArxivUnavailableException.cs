namespace DailyPapers.Infrastructure.Harvesting;

/// <summary>
/// arXiv could not be reached or kept failing (network error, timeout, 5xx, 429) after every retry: an expected
/// condition on a machine without network, reported in one line rather than with a stack trace.
/// </summary>
public sealed class ArxivUnavailableException : Exception
{
    public ArxivUnavailableException()
    {
    }

    public ArxivUnavailableException(string message)
        : base(message)
    {
    }

    public ArxivUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
