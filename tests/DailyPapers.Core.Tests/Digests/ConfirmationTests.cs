using System.Text.RegularExpressions;
using DailyPapers.Core.Digests;

namespace DailyPapers.Core.Tests.Digests;

public class ConfirmationTests
{
    private static readonly Uri Confirm = new("https://papers.example.org/subscriptions/confirm?token=a1b2&s=3");
    private static readonly Uri Site = new("https://papers.example.org/");

    [Fact]
    public void Confirmation_Html_HasOneLinkThatConfirms()
    {
        var html = DigestComposer.Confirmation("ana@example.org", Confirm, Site).Html;

        var href = Assert.Single(Regex.Matches(html, "href=\"([^\"]*)\""));
        Assert.Equal("https://papers.example.org/subscriptions/confirm?token=a1b2&amp;s=3", href.Groups[1].Value);
    }

    [Fact]
    public void Confirmation_Text_SaysWhatWasAskedGivesTheLinkAndHowToIgnoreIt()
    {
        var email = DigestComposer.Confirmation("ana@example.org", Confirm, Site);

        Assert.Equal("Confirm your subscription to DailyPapers", email.Subject);
        Assert.Contains("to send emails about new research papers to ana@example.org.", email.Text.ReplaceLineEndings(" "), StringComparison.Ordinal);
        Assert.Contains("\nhttps://papers.example.org/subscriptions/confirm?token=a1b2&s=3\n", email.Text, StringComparison.Ordinal);
        Assert.Contains("If this was not you, ignore this email", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Confirmation_AddressWithMarkup_IsEscaped()
    {
        var html = DigestComposer.Confirmation("\"<script>\"@example.org", Confirm, Site).Html;

        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.Contains("<strong>&quot;&lt;script&gt;&quot;@example.org</strong>", html, StringComparison.Ordinal);
    }
}
