namespace DailyPapers.Infrastructure.Community;

public enum SubmissionFailure
{
    None,

    /// <summary>The input is not an arXiv id or URL, or the comment is too long.</summary>
    Invalid,

    /// <summary>Neither the store nor arXiv has the paper.</summary>
    NotFound,

    /// <summary>The paper or its newest version is older than the configured limit.</summary>
    TooOld,

    /// <summary>The paper (this version) was featured already.</summary>
    Duplicate,

    /// <summary>The reader reached the daily limit.</summary>
    DailyLimit,

    /// <summary>A moderator hid the paper.</summary>
    Hidden,

    /// <summary>arXiv did not answer in time.</summary>
    Unavailable,
}

/// <summary>What a submission did: the paper listed today, or why it was refused, in words fit for the reader.</summary>
public sealed record SubmissionResult(SubmissionFailure Failure, string? Message, string? PaperId = null, DateOnly? Day = null)
{
    public bool Succeeded => Failure == SubmissionFailure.None;
}

/// <summary>A submission as the paper page and profiles show it.</summary>
public sealed record SubmissionView(string PaperId, string PaperTitle, int Version, DateOnly Day, string? Comment, string UserHandle, string UserName);
