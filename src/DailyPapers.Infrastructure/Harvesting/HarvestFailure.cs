namespace DailyPapers.Infrastructure.Harvesting;

/// <summary>One step of a harvest run that failed ("feed cs.LG", "oai-pmh cs"), and why.</summary>
public sealed record HarvestFailure(string Step, Exception Error)
{
    /// <summary>
    /// Failures with a complete message of their own (arXiv unreachable or refusing, an OAI-PMH error, a malformed
    /// response); anything else is a bug, worth its stack trace.
    /// </summary>
    public bool IsExpected => Error is ArxivUnavailableException or ArxivRequestException or OaiPmhException
        or Ingestion.Sources.SourceFormatException;
}
