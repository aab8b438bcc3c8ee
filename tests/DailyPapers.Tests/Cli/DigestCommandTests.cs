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
        await DigestSite.BackdateConfirmationsAsync(store); // the test day's digest fell due long before the import

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
        await DigestSite.BackdateConfirmationsAsync(store);

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

    private static async Task<TestStore> StoreWithPapersAsync()
    {
        var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await new PaperWriter(store.Factory, TimeProvider.System).WriteAsync(
            [.. Enumerable.Range(1, 12).Select(i => SamplePapers.Item($"2506.{i:00000}", $"Paper number {i} on $\\alpha$-divergences", listedOn: DigestSite.Day, source: ListingSource.Hf, upvotes: 20 - i))],
            CancellationToken.None);
        return store;
    }
}
