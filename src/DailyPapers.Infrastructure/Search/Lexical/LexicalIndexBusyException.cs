namespace DailyPapers.Infrastructure.Search.Lexical;

/// <summary>Another process (the running site, or a <c>reindex</c>) holds the index's write lock.</summary>
public sealed class LexicalIndexBusyException : IOException
{
    public LexicalIndexBusyException()
    {
    }

    public LexicalIndexBusyException(string message)
        : base(message)
    {
    }

    public LexicalIndexBusyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
