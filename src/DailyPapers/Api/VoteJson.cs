using System.ComponentModel;

namespace DailyPapers.Api;

/// <summary>A reader's vote on a paper after an upvote or its withdrawal (<see cref="CommunityApi"/>).</summary>
public sealed record VoteJson(
    [property: Description("The paper's arXiv id.")] string Id,
    [property: Description("The paper's votes now, as /api/papers/{id} counts them.")] int Upvotes,
    [property: Description("Whether this reader's vote is counted.")] bool Voted);
