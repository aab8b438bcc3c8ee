using DailyPapers.Core.Digests;
using DailyPapers.Infrastructure.Mail;
using MimeKit;

namespace DailyPapers.Tests.Mail;

public class MailMessagesTests
{
    private static readonly MailboxAddress From = new("DailyPapers", "digest@papers.example.org");
    private static readonly MailboxAddress To = new("Zoë Ångström", "zoe@example.org");
    private static readonly Uri Unsubscribe = new("https://papers.example.org/subscriptions/unsubscribe?token=abc");
    private static readonly DateTimeOffset SentAt = new(2025, 6, 10, 7, 0, 0, TimeSpan.Zero);

    private static readonly DigestLinks Links = new(
        new Uri("https://papers.example.org/"),
        new Uri("https://papers.example.org/subscriptions/manage?token=abc"),
        Unsubscribe);

    private static ComposedEmail Digest(string title = "Learning $\\alpha$-divergences", string author = "José Müller") =>
        DigestComposer.Compose(
            new DigestContent(DigestKind.Daily, "Trending papers · Tuesday, June 10, 2025",
                [new DigestPaper("2506.01234", title, [author], "We bound $\\|x\\|_2 \\leq \\sqrt{d}$.", 3, 0, null)]),
            Links);

    private static MimeMessage Build(ComposedEmail email, Uri? unsubscribe = null) =>
        MailMessages.Build(email, From, To, "digest-42-2025-06-10@papers.example.org", unsubscribe ?? Unsubscribe, SentAt);

    private static MimeMessage RoundTrip(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        stream.Position = 0;
        return MimeMessage.Load(stream);
    }

    [Fact]
    public void Build_Digest_HasOneClickUnsubscribeHeaders()
    {
        var message = RoundTrip(Build(Digest()));

        Assert.Equal("<https://papers.example.org/subscriptions/unsubscribe?token=abc>", message.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        Assert.Equal("DailyPapers digest <digest.papers.example.org>", message.Headers["List-Id"]);
        Assert.Equal("auto-generated", message.Headers["Auto-Submitted"]);
    }

    [Fact]
    public void Build_Digest_WritesTheOneClickHeaderExactly()
    {
        using var stream = new MemoryStream();
        Build(Digest()).WriteTo(stream);

        var raw = System.Text.Encoding.UTF8.GetString(stream.ToArray()).ReplaceLineEndings("\n");
        // A long header is folded before the URL (RFC 5322 2.2.3); unfolding gives back the one line.
        var unfolded = raw.Replace("\n ", " ", StringComparison.Ordinal);

        Assert.Contains("\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\n", raw, StringComparison.Ordinal);
        Assert.Contains("\nList-Unsubscribe: <https://papers.example.org/subscriptions/unsubscribe?token=abc>\n", unfolded, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_WithoutUnsubscribe_IsNotAListMessage()
    {
        var confirmation = DigestComposer.Confirmation("zoe@example.org", new Uri("https://papers.example.org/c?t=1"), Links.Site);

        var message = MailMessages.Build(confirmation, From, To, "confirm-1@papers.example.org", unsubscribe: null, SentAt);

        Assert.Null(message.Headers["List-Unsubscribe"]);
        Assert.Null(message.Headers["List-Unsubscribe-Post"]);
        Assert.Null(message.Headers["List-Id"]);
        Assert.Equal("auto-generated", message.Headers["Auto-Submitted"]);
    }

    [Fact]
    public void Build_Digest_HasAddressesSubjectDateAndTheGivenMessageId()
    {
        var email = Digest();

        var message = RoundTrip(Build(email));

        Assert.Equal("digest@papers.example.org", Assert.Single(message.From.Mailboxes).Address);
        Assert.Equal("zoe@example.org", Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal(email.Subject, message.Subject);
        Assert.Equal(SentAt, message.Date);
        Assert.Equal("digest-42-2025-06-10@papers.example.org", message.MessageId);
    }

    [Fact]
    public void Build_MessageIdInAngleBrackets_IsTakenAsTheSameId()
    {
        var message = MailMessages.Build(Digest(), From, To, "<digest-42@papers.example.org>", Unsubscribe, SentAt);

        Assert.Equal("digest-42@papers.example.org", message.MessageId);
    }

    [Fact]
    public void Build_Body_IsTextThenHtmlInMultipartAlternative()
    {
        var message = RoundTrip(Build(Digest()));

        var alternative = Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Collection(
            alternative,
            text => Assert.Equal("text/plain", text.ContentType.MimeType),
            html => Assert.Equal("text/html", html.ContentType.MimeType));
        Assert.All(alternative, part => Assert.Equal("utf-8", part.ContentType.Charset, ignoreCase: true));
    }

    [Fact]
    public void Build_AccentsAndMath_SurviveWritingAndLoading()
    {
        var email = Digest(title: "Learning $\\alpha$-divergences for Ångström-scale $\\mathbb{R}^3$", author: "José Müller, Zoë 陈");

        var message = RoundTrip(Build(email));

        Assert.Equal(email.Text, message.TextBody?.ReplaceLineEndings("\n"));
        Assert.Equal(email.Html, message.HtmlBody?.ReplaceLineEndings("\n"));
        Assert.Equal(email.Subject, message.Subject);
        Assert.Contains("Learning α-divergences for Ångström-scale ℝ³", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("José Müller, Zoë 陈", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("We bound ‖x‖₂ ≤ √d.", message.TextBody, StringComparison.Ordinal);
        Assert.Equal("Zoë Ångström", Assert.Single(message.To.Mailboxes).Name);
    }

    [Fact]
    public void Build_SubjectWithLineBreaks_IsOneLine()
    {
        var message = RoundTrip(Build(Digest() with { Subject = "Trending\r\npapers\nBcc: eve@example.org" }));

        Assert.Equal("Trending papers Bcc: eve@example.org", message.Subject);
        Assert.Empty(message.Bcc);
    }

    [Fact]
    public void Build_RelativeUnsubscribeLink_IsRefused() =>
        Assert.Throws<ArgumentException>(() => Build(Digest(), new Uri("/unsubscribe", UriKind.Relative)));
}
