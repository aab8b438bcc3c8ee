namespace DailyPapers.Core.Digests;

/// <summary>An email's subject (one line) and its two bodies, before any MIME encoding.</summary>
public sealed record ComposedEmail(string Subject, string Html, string Text);
