using System.ComponentModel;

namespace DailyPapers.Api;

/// <summary>An accepted submission: the paper and the day it is listed on (<see cref="SubmissionApi"/>).</summary>
public sealed record SubmittedPaperJson(
    [property: Description("The paper's arXiv id.")] string Id,
    [property: Description("The listing day it was added to, yyyy-MM-dd.")] string? Day,
    [property: Description("Always curated: a reader's submission.")] string Source,
    [property: Description("The paper's page on this site.")] string Url);
