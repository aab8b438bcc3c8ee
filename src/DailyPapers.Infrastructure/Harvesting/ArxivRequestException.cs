using System.Net;

namespace DailyPapers.Infrastructure.Harvesting;

/// <summary>arXiv refused a request (a 4xx other than 429): retrying the same request would not help.</summary>
public sealed class ArxivRequestException : Exception
{
    public ArxivRequestException()
    {
    }

    public ArxivRequestException(string message)
        : base(message)
    {
    }

    public ArxivRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ArxivRequestException(string message, HttpStatusCode statusCode)
        : base(message)
    {
        StatusCode = statusCode;
    }

    public HttpStatusCode? StatusCode { get; }
}
