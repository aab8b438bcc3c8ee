using System.Net;
using DailyPapers.Core.Digests;

namespace DailyPapers.Pages.Account;

/// <summary>The email that proves an account's address: one link, what it is for, and what to do if it was not you.</summary>
public static class AddressVerificationEmail
{
    public static ComposedEmail Compose(string link)
    {
        var href = WebUtility.HtmlEncode(link);
        return new ComposedEmail(
            "Confirm your DailyPapers address",
            $"""
            <div style="font-family: sans-serif; max-width: 640px; line-height: 1.5">
            <p>Someone (hopefully you) made a DailyPapers account with this address.</p>
            <p><a href="{href}">Confirm this address</a></p>
            <p>Or open this address: {href}</p>
            <p>Once confirmed, your account manages the digests and alerts of this address. If this was not you, ignore this email.</p>
            </div>
            """,
            $"Someone (hopefully you) made a DailyPapers account with this address.\n\nConfirm it: {link}\n\nOnce confirmed, your account manages the digests and alerts of this address. If this was not you, ignore this email.\n");
    }
}
