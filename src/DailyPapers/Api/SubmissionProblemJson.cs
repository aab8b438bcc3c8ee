using System.ComponentModel;

namespace DailyPapers.Api;

/// <summary>A refused submission: the problem and the paper it was about (<see cref="SubmissionApi"/>).</summary>
public sealed record SubmissionProblemJson(string Type, string Title, int Status, string Detail, string Error)
    : ApiProblemJson(Type, Title, Status, Detail, Error)
{
    [Description("The arXiv id the submission named, when it could be read.")]
    public string? Id { get; init; }
}
