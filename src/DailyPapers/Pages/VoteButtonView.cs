namespace DailyPapers.Pages;

/// <summary>An upvote button: pressed or not for a signed-in reader (<see cref="Voted"/>), a sign-in link otherwise.</summary>
/// <param name="Voted">Whether the reader has upvoted it; null for an anonymous reader.</param>
/// <param name="ReturnUrl">Where the form post (without JavaScript) or sign-in comes back to.</param>
public sealed record VoteButtonView(string PaperId, int Votes, bool? Voted, string ReturnUrl);
