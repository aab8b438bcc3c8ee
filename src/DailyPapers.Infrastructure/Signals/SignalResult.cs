namespace DailyPapers.Infrastructure.Signals;

/// <summary>Why a change to a reader's signals was not made; the API and pages map each to a status.</summary>
public enum SignalFailure
{
    /// <summary>No such paper (or hidden, or withdrawn), collection or account: 404.</summary>
    NotFound,

    /// <summary>A value the reader typed is not acceptable (a name too long, a category that does not exist): 400.</summary>
    Invalid,

    /// <summary>A per-reader limit is reached (saves, collections, follows): 409 with the limit in the message.</summary>
    LimitReached,
}

/// <summary>The outcome of a change to a reader's signals, with a message for people when it failed.</summary>
public sealed record SignalResult(SignalFailure? Failure, string Message)
{
    public static readonly SignalResult Done = new(null, "");

    public bool Succeeded => Failure is null;

    public static SignalResult NotFound(string message) => new(SignalFailure.NotFound, message);

    public static SignalResult Invalid(string message) => new(SignalFailure.Invalid, message);

    public static SignalResult Limit(string message) => new(SignalFailure.LimitReached, message);
}
