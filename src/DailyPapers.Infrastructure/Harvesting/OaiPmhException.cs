namespace DailyPapers.Infrastructure.Harvesting;

/// <summary>The OAI-PMH server answered with an <c>&lt;error&gt;</c> (badArgument, badResumptionToken…).</summary>
public sealed class OaiPmhException : Exception
{
    public OaiPmhException()
    {
    }

    public OaiPmhException(string message)
        : base(message)
    {
    }

    public OaiPmhException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public OaiPmhException(string errorCode, string message)
        : base(message)
    {
        ErrorCode = errorCode;
    }

    public string? ErrorCode { get; }
}
