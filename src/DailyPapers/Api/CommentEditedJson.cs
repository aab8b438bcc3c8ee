namespace DailyPapers.Api;

/// <summary>The answer to an edit of one's own comment (<see cref="CommunityApi"/>).</summary>
public sealed record CommentEditedJson(long Id, bool Edited);
