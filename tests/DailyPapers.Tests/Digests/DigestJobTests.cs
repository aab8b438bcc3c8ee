using DailyPapers.Core.Digests;
using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Digests;
using DailyPapers.Infrastructure.Ingestion;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace DailyPapers.Tests.Digests;

/// <summary>
/// The site's own jobs: a digest due while the site was down goes out once it starts, to those confirmed when it fell
/// due, and not again on a restart.
/// </summary>
public sealed class DigestJobTests
{
    [Fact]
    public async Task A_missed_digest_is_sent_once_at_start_up_to_those_confirmed_when_it_fell_due_and_not_again_after_a_restart()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using var smtp = await TestSmtpServer.StartNewAsync();
        // The digest of the last weekday at 00:00 UTC is due by now, whatever day the test runs.
        var due = DigestSchedule.LastDailyDue(DateTimeOffset.UtcNow, TimeOnly.MinValue, TimeZoneInfo.Utc);
        await new PaperWriter(store.Factory, TimeProvider.System).WriteAsync(
            [SamplePapers.Item("2511.00001", "A paper of the due day", listedOn: due, source: ListingSource.Hf, upvotes: 3)], CancellationToken.None);
        var settings = new Dictionary<string, string?>(DigestSite.Settings(smtp))
        {
            ["Digests:Enabled"] = "true",
            ["Digests:SendAt"] = "00:00",
            ["Digests:SendInterval"] = "00:00:01",
        };
        // Ada was confirmed before the digest fell due; Grace after it (now): a start-up must not mail it to her off schedule.
        var beforeDue = new FakeTimeProvider(new DateTimeOffset(due.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddHours(-1));
        await new SubscriberImport(store.Factory, beforeDue).RunAsync(new StringReader("email\nada@example.test\n"), CancellationToken.None);
        await new SubscriberImport(store.Factory, TimeProvider.System).RunAsync(new StringReader("email\ngrace@example.test\n"), CancellationToken.None);
        await using (var app = await RunningApp.StartAsync(store, settings))
        {
            await smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(60));
        }

        await using (var restarted = await RunningApp.StartAsync(store, settings))
        {
            // The start-up run fires ~5 s after start; give it and a send round time to (not) send again.
            await Task.Delay(TimeSpan.FromSeconds(9));
        }

        var mail = Assert.Single(smtp.Messages);
        Assert.Equal(["ada@example.test"], mail.Recipients);
        Assert.Contains("A paper of the due day", mail.Message.TextBody, StringComparison.Ordinal);
    }
}
