using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Digests;
using DailyPapers.Infrastructure.Ingestion;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Digests;
using DailyPapers.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Tests.Cli;

/// <summary><c>subscribers import</c>, <c>digest preview</c> and <c>digest send</c> as an operator runs them, kill -9 included.</summary>
public sealed class DigestCommandTests
{
    [Fact]
    public async Task Subscribers_import_reports_what_it_refused_and_never_resubscribes_a_leaver()
    {
        await using var store = await StoreWithPapersAsync();
        await using (var context = store.Factory.CreateContext())
        {
            context.Subscriptions.Add(new SubscriptionEntity
            {
                Email = "left@example.test",
                NormalizedEmail = "LEFT@EXAMPLE.TEST",
                Status = SubscriptionStatus.Unsubscribed,
                TokenSecret = "x",
                CreatedAt = DateTime.UtcNow,
            });
            await context.SaveChangesAsync();
        }

        var csv = Path.Combine(store.DataDirectory, "subs.csv");
        await File.WriteAllTextAsync(csv, "email,weekly\nada@example.test,yes\nnot-an-address,no\nADA@example.test,no\nleft@example.test,\ngrace@example.test,maybe\nalan@example.test,0\n");

        var (exitCode, output) = await CliProcess.RunAsync(store.Settings, "subscribers", "import", csv);

        Assert.Equal(0, exitCode);
        Assert.Contains("Subscribed 2 addresses; 0 were already subscribed; 4 refused.", output, StringComparison.Ordinal);
        Assert.Contains("line 3: \"not-an-address\" is not an email address", output, StringComparison.Ordinal);
        Assert.Contains("line 4: ADA@example.test appears earlier in the file.", output, StringComparison.Ordinal);
        Assert.Contains("line 5: left@example.test unsubscribed", output, StringComparison.Ordinal);
        Assert.Contains("line 6: daily and weekly must be", output, StringComparison.Ordinal);
        await using var check = store.Factory.CreateContext();
        Assert.True((await check.Subscriptions.SingleAsync(s => s.Email == "ada@example.test")).Weekly);
        Assert.Equal(SubscriptionStatus.Unsubscribed, (await check.Subscriptions.SingleAsync(s => s.Email == "left@example.test")).Status);
    }

    [Fact]
    public async Task Without_smtp_digests_are_written_to_the_outbox_folder_and_previews_show_readable_math()
    {
        await using var store = await StoreWithPapersAsync();
        var csv = Path.Combine(store.DataDirectory, "subs.csv");
        await File.WriteAllTextAsync(csv, "email\nada@example.test\ngrace@example.test\n");
        await CliProcess.RunAsync(store.Settings, "subscribers", "import", csv);

        var (previewExit, preview) = await CliProcess.RunAsync(store.Settings, "digest", "preview", "--kind", "daily", "--date", "2025-06-10", "--email", "ada@example.test");
        var (sendExit, sent) = await CliProcess.RunAsync(store.Settings, "digest", "send", "--kind", "daily", "--date", "2025-06-10");
        var (againExit, again) = await CliProcess.RunAsync(store.Settings, "digest", "send", "--kind", "daily", "--date", "2025-06-10");

        Assert.Equal(0, previewExit);
        Assert.Contains("Paper number 1 on α-divergences", preview, StringComparison.Ordinal);
        Assert.Contains("/subscriptions/unsubscribe?token=", preview, StringComparison.Ordinal);
        Assert.Equal(0, sendExit);
        Assert.Contains("No SMTP configured", sent, StringComparison.Ordinal);
        Assert.Contains("Sent 2", sent, StringComparison.Ordinal);
        Assert.Equal(0, againExit);
        Assert.Contains("already planned for everyone", again, StringComparison.Ordinal);
        Assert.Equal(2, Directory.GetFiles(Path.Combine(store.DataDirectory, "outbox"), "*.eml").Length);
    }

    [Fact]
    public async Task A_sender_killed_mid_batch_repeats_at_most_the_message_in_flight_after_a_restart()
    {
        const int subscribers = 300;
        await using var store = await StoreWithPapersAsync();
        await using var smtp = await TestSmtpServer.StartNewAsync();
        var settings = new Dictionary<string, string?>(store.Settings);
        foreach (var (key, value) in DigestSite.Settings(smtp))
        {
            settings[key] = value;
        }

        settings["Digests:ClaimLease"] = "00:00:02";
        settings["Digests:BatchSize"] = "20";
        var csv = Path.Combine(store.DataDirectory, "subs.csv");
        await File.WriteAllTextAsync(csv, "email\n" + string.Join('\n', Enumerable.Range(1, subscribers).Select(i => $"reader{i}@example.test")));
        await CliProcess.RunAsync(settings, "subscribers", "import", csv);

        using (var first = CliProcess.Start(settings, "digest", "send", "--kind", "daily", "--date", "2025-06-10"))
        {
            // Kill -9 once mail is flowing, well before the end.
            await smtp.WaitForMessagesAsync(40, TimeSpan.FromSeconds(60));
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }

        var beforeRestart = smtp.Messages.Count;
        await Task.Delay(TimeSpan.FromSeconds(2.5)); // the dead sender's claims expire
        var (exitCode, output) = await CliProcess.RunAsync(settings, "digest", "send", "--kind", "daily", "--date", "2025-06-10");

        var recipients = smtp.Messages.Select(m => m.Recipients.Single()).ToList();
        Assert.True(beforeRestart < subscribers, $"the first run finished before it was killed ({beforeRestart} sent)");
        Assert.Equal(0, exitCode);
        Assert.Contains("0 new messages", output, StringComparison.Ordinal);
        Assert.Equal(subscribers, recipients.Distinct().Count());
        Assert.InRange(recipients.Count, subscribers, subscribers + 1);
        await using var context = store.Factory.CreateContext();
        Assert.Equal(subscribers, await context.Outbox.CountAsync(o => o.Status == OutboxStatus.Sent));
    }

    [Fact]
    public async Task Digest_send_counts_every_message_still_waiting_and_exits_75_while_any_is_left()
    {
        await using var store = await StoreWithPapersAsync();
        await using var smtp = await TestSmtpServer.StartNewAsync();
        var settings = new Dictionary<string, string?>(store.Settings);
        foreach (var (key, value) in DigestSite.Settings(smtp))
        {
            settings[key] = value;
        }

        settings["Digests:RetryDelay"] = "00:10:00";
        var csv = Path.Combine(store.DataDirectory, "subs.csv");
        await File.WriteAllTextAsync(csv, "email\n" + string.Join('\n', Enumerable.Range(1, 11).Select(i => $"reader{i}@example.test")));
        await CliProcess.RunAsync(settings, "subscribers", "import", csv);
        foreach (var i in new[] { 2, 5, 9 })
        {
            smtp.RejectRecipient($"reader{i}@example.test", 451, "4.7.1 Greylisted, try again later");
        }

        var (firstExit, first) = await CliProcess.RunAsync(settings, "digest", "send", "--kind", "daily", "--date", "2025-06-10");
        // Nothing is due now (the three wait ten minutes), yet they are still waiting.
        var (againExit, again) = await CliProcess.RunAsync(settings, "digest", "send", "--kind", "daily", "--date", "2025-06-10");

        Assert.Equal(75, firstExit);
        Assert.Contains("Sent 8 through", first, StringComparison.Ordinal);
        Assert.Contains("3 waiting to retry.", first, StringComparison.Ordinal);
        Assert.Equal(8, smtp.Messages.Count);
        Assert.Equal(75, againExit);
        Assert.Contains("Sent 0 through", again, StringComparison.Ordinal);
        Assert.Contains("3 waiting to retry.", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Digest_send_for_you_daily_mails_each_reader_who_asked_their_own_list_once()
    {
        await using var store = await StoreWithPapersAsync();
        await using var smtp = await TestSmtpServer.StartNewAsync();
        var settings = new Dictionary<string, string?>(store.Settings);
        foreach (var (key, value) in DigestSite.Settings(smtp))
        {
            settings[key] = value;
        }

        await using (var context = store.Factory.CreateContext())
        {
            await context.Database.MigrateAsync();
            foreach (var (name, wants) in new[] { ("ada", true), ("bob", false) })
            {
                var email = $"{name}@example.test";
                context.Users.Add(new Infrastructure.Accounts.UserEntity
                {
                    Id = name,
                    UserName = email,
                    NormalizedUserName = email.ToUpperInvariant(),
                    Email = email,
                    NormalizedEmail = email.ToUpperInvariant(),
                    EmailConfirmed = true,
                    Handle = name,
                    DisplayName = name,
                    SecurityStamp = Guid.NewGuid().ToString(),
                    CreatedAt = DateTime.UtcNow,
                });
                context.Subscriptions.Add(new SubscriptionEntity
                {
                    Email = email,
                    NormalizedEmail = email.ToUpperInvariant(),
                    Status = SubscriptionStatus.Confirmed,
                    Daily = false,
                    ForYouDaily = wants,
                    UserId = name,
                    TokenSecret = SubscriptionTokens.NewSecret(),
                    CreatedAt = DateTime.UtcNow,
                    ConfirmedAt = DateTime.UtcNow,
                });
            }

            context.Set<Infrastructure.Signals.PickEntity>().Add(new() { UserId = "ada", PaperId = "2506.00001", PickedAt = DateTime.UtcNow });
            await context.SaveChangesAsync();
        }

        var (exitCode, output) = await CliProcess.RunAsync(settings, "digest", "send", "--kind", "for-you-daily", "--date", "2025-06-10");
        var (againExit, again) = await CliProcess.RunAsync(settings, "digest", "send", "--kind", "for-you-daily", "--date", "2025-06-10");
        var (previewExit, preview) = await CliProcess.RunAsync(settings, "digest", "preview", "--kind", "for-you-daily", "--date", "2025-06-10", "--email", "ada@example.test");

        Assert.True((0, 0, 0) == (exitCode, againExit, previewExit), output + again + preview);
        Assert.Contains("Planned for-you:2025-06-10: 1 readers' own lists of up to 10 papers.", output, StringComparison.Ordinal);
        Assert.Contains("Sent 1 through", output, StringComparison.Ordinal);
        Assert.Contains("No reader's list to send for for-you:2025-06-10", again, StringComparison.Ordinal);
        var mail = Assert.Single(smtp.Messages);
        Assert.Equal(["ada@example.test"], mail.Recipients);
        Assert.StartsWith("Your papers · Tuesday, June 10, 2025", mail.Message.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("/papers/2506.00001", mail.Message.TextBody ?? "", StringComparison.Ordinal);
        Assert.Contains("Subject: Your papers · Tuesday, June 10, 2025", preview, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Smtp:Port", "99999", "error: Smtp:Port is 99999; expected 1-65535")]
    [InlineData("Smtp:Security", "ssl", "error: Smtp:Security is \"ssl\"; expected none, starttls or tls.")]
    [InlineData("Smtp:From", "not-an-address", "error: Smtp:From is \"not-an-address\"; expected a mail address")]
    [InlineData("Digests:SendAt", "soon", "error: Failed to convert configuration value 'soon' at 'Digests:SendAt'")]
    public async Task Digest_send_with_a_bad_smtp_setting_names_it_plans_nothing_and_exits_2(string key, string value, string expected)
    {
        await using var store = await StoreWithPapersAsync();
        var csv = Path.Combine(store.DataDirectory, "subs.csv");
        await File.WriteAllTextAsync(csv, "email\nada@example.test\n");
        await CliProcess.RunAsync(store.Settings, "subscribers", "import", csv);
        var settings = new Dictionary<string, string?>(store.Settings) { ["Smtp:Host"] = "127.0.0.1", [key] = value };

        var (exitCode, output, error) = await CliProcess.RunApartAsync(settings, "digest", "send", "--kind", "daily", "--date", "2025-06-10");

        Assert.Equal(2, exitCode);
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("Planned", output, StringComparison.Ordinal);
        await using var context = store.Factory.CreateContext();
        Assert.Equal(0, await context.Outbox.CountAsync());
    }

    [Fact]
    public async Task Serving_with_a_bad_smtp_setting_names_it_and_exits_2_without_a_stack_trace()
    {
        await using var store = await StoreWithPapersAsync();
        var settings = new Dictionary<string, string?>(store.Settings) { ["Smtp:Host"] = "127.0.0.1", ["Smtp:Security"] = "ssl" };

        var (exitCode, output, error) = await CliProcess.RunApartAsync(settings, "serve", "--urls", "http://127.0.0.1:0");

        Assert.Equal(2, exitCode);
        Assert.Equal("error: Smtp:Security is \"ssl\"; expected none, starttls or tls.", error.Trim());
        Assert.DoesNotContain(" at ", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Digest_send_with_an_unknown_kind_names_the_kinds_there_are()
    {
        await using var store = await StoreWithPapersAsync();

        var (exitCode, output, error) = await CliProcess.RunApartAsync(store.Settings, "digest", "send", "--kind", "monthly");

        Assert.Equal(2, exitCode);
        Assert.Equal("error: --kind must be daily, weekly, for-you-daily or for-you-weekly (got \"monthly\").", error.Trim());
        Assert.DoesNotContain("--date", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Digest_preview_for_an_address_without_a_subscription_says_on_stderr_that_its_links_are_examples()
    {
        await using var store = await StoreWithPapersAsync();
        var csv = Path.Combine(store.DataDirectory, "subs.csv");
        await File.WriteAllTextAsync(csv, "email\nada@example.test\n");
        await CliProcess.RunAsync(store.Settings, "subscribers", "import", csv);

        var (strangerExit, stranger, strangerNote) = await CliProcess.RunApartAsync(
            store.Settings, "digest", "preview", "--date", "2025-06-10", "--email", "stranger@example.test");
        var (subscriberExit, subscriber, subscriberNote) = await CliProcess.RunApartAsync(
            store.Settings, "digest", "preview", "--date", "2025-06-10", "--email", "ada@example.test");

        Assert.Equal(0, strangerExit);
        Assert.Contains("Paper number 1", stranger, StringComparison.Ordinal);
        Assert.Contains("stranger@example.test has no subscription here", strangerNote, StringComparison.Ordinal);
        Assert.Contains("links in this preview are examples", strangerNote, StringComparison.Ordinal);
        Assert.Equal(0, subscriberExit);
        Assert.Contains("Paper number 1", subscriber, StringComparison.Ordinal);
        Assert.DoesNotContain("no subscription", subscriberNote, StringComparison.Ordinal);
    }

    private static async Task<TestStore> StoreWithPapersAsync()
    {
        var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await new PaperWriter(store.Factory, TimeProvider.System).WriteAsync(
            [.. Enumerable.Range(1, 12).Select(i => SamplePapers.Item($"2506.{i:00000}", $"Paper number {i} on $\\alpha$-divergences", listedOn: DigestSite.Day, source: ListingSource.Hf, upvotes: 20 - i))],
            CancellationToken.None);
        return store;
    }
}
