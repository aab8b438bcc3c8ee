namespace DailyPapers.Infrastructure.Mail;

/// <summary>What the sender does next with a message: nothing, retry it later, or mark it failed.</summary>
public enum SendStatus
{
    Sent,

    /// <summary>
    /// Not the recipient's fault (relay down, busy, misconfigured, connection lost): keep the message and retry later;
    /// the next messages would fare no better, so the sender stops for now.
    /// </summary>
    Transient,

    /// <summary>
    /// The relay refused this one message for now (a 4xx reply to RCPT TO or to its data) and the connection is still
    /// usable: retry this message later and go on with the next.
    /// </summary>
    Deferred,

    /// <summary>The relay refused this recipient or message for good (5xx): retrying will not help.</summary>
    Permanent,
}

/// <param name="Error">Null when sent; otherwise a short reason fit for a log line and a database column.</param>
public sealed record SendResult(SendStatus Status, string? Error)
{
    /// <summary>Longest <see cref="Error"/> kept, so it fits a database column.</summary>
    public const int MaxErrorLength = 500;

    public static SendResult Sent { get; } = new(SendStatus.Sent, null);

    public static SendResult Transient(string error) => new(SendStatus.Transient, Shorten(error));

    public static SendResult Deferred(string error) => new(SendStatus.Deferred, Shorten(error));

    public static SendResult Permanent(string error) => new(SendStatus.Permanent, Shorten(error));

    private static string Shorten(string error)
    {
        var oneLine = string.Join(' ', error.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return oneLine.Length <= MaxErrorLength ? oneLine : oneLine[..(MaxErrorLength - 1)] + "…";
    }
}
