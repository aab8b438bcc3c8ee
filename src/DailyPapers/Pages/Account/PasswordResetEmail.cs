using System.Net;
using DailyPapers.Core.Digests;

namespace DailyPapers.Pages.Account;

/// <summary>The password reset email: one link, what it is for, and what to do if it was not you.</summary>
public static class PasswordResetEmail
{
    public static ComposedEmail Compose(string link)
    {
        var href = WebUtility.HtmlEncode(link);
        return new ComposedEmail(
            "Reset your DailyPapers password",
            $"""
            <div style="font-family: sans-serif; max-width: 640px; line-height: 1.5">
            <p>Someone (hopefully you) asked to reset the password of your DailyPapers account.</p>
            <p><a href="{href}">Choose a new password</a></p>
            <p>Or open this address: {href}</p>
            <p>If this was not you, ignore this email: your password stays as it is.</p>
            </div>
            """,
            $"Someone (hopefully you) asked to reset the password of your DailyPapers account.\n\nChoose a new password: {link}\n\nIf this was not you, ignore this email: your password stays as it is.\n");
    }
}
