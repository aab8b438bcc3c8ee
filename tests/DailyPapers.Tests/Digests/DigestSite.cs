using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Digests;
using DailyPapers.Infrastructure.Ingestion;
using DailyPapers.Infrastructure.Mail;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DailyPapers.Tests.Digests;

/// <summary>A store with a day of papers, a running site whose mail goes to a real SMTP server on loopback.</summary>
public sealed class DigestSite : IAsyncDisposable
{
    public static readonly DateOnly Day = new(2025, 6, 10);

    private DigestSite(TestStore store, TestSmtpServer smtp, RunningApp app)
    {
        Store = store;
        Smtp = smtp;
        App = app;
    }

    public TestStore Store { get; }

    public TestSmtpServer Smtp { get; }

    public RunningApp App { get; }

    public static async Task<DigestSite> StartAsync(StoreProvider provider = StoreProvider.Sqlite, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var store = await TestStore.CreateAsync(provider);
        await new PaperWriter(store.Factory, TimeProvider.System).WriteAsync(
            [.. Enumerable.Range(1, 12).Select(i => SamplePapers.Item($"2506.{i:00000}", $"Paper number {i} on $\\alpha$-divergences", listedOn: Day, source: ListingSource.Hf, upvotes: 20 - i))],
            CancellationToken.None);
        var smtp = await TestSmtpServer.StartNewAsync();
        var all = new Dictionary<string, string?>(Settings(smtp))
        {
            // Jobs stay out of the way: the tests send by hand, as `digest send` does.
            ["Digests:Enabled"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var app = await RunningApp.StartAsync(store, all);
        return new DigestSite(store, smtp, app);
    }

    public static Dictionary<string, string?> Settings(TestSmtpServer smtp) => new()
    {
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:Security"] = "None",
        ["Smtp:From"] = "DailyPapers <digest@example.test>",
        ["Digests:SiteUrl"] = "http://papers.example.test",
        ["Digests:RetryDelay"] = "00:00:00.050",
    };

    public T Service<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    /// <summary>A sender of its own (its own claim name), as a second process would have.</summary>
    public OutboxSender NewSender() => ActivatorUtilities.CreateInstance<OutboxSender>(App.Services);

    public async Task<SendReport> SendAsync(OutboxSender? sender = null)
    {
        await using var transport = new SmtpMailTransport(Service<IOptions<SmtpOptions>>().Value, NullLogger.Instance);
        return await (sender ?? Service<OutboxSender>()).SendDueAsync(transport, CancellationToken.None);
    }

    /// <summary>
    /// A moment before <see cref="Day"/>'s digests fall due (its daily at 07:00 UTC, its week's weekly the Monday after):
    /// subscribers confirmed then get them; one confirmed later (as at the real time a test runs) would not.
    /// </summary>
    public static readonly DateTimeOffset BeforeDayIsDue = new(Day.ToDateTime(new TimeOnly(6, 0)), TimeSpan.Zero);

    /// <summary>Confirmed subscribers, as an operator's import makes them, before <see cref="Day"/>'s digests fell due.</summary>
    public async Task SubscribeConfirmedAsync(int count)
    {
        var csv = "email\n" + string.Join('\n', Enumerable.Range(1, count).Select(i => $"reader{i}@example.test"));
        var import = new SubscriberImport(Store.Factory, new FakeTimeProvider(BeforeDayIsDue));
        var report = await import.RunAsync(new StringReader(csv), CancellationToken.None);
        Assert.Equal(count, report.Added);
    }

    /// <summary>
    /// Moves the confirmation of every confirmed subscriber to <see cref="BeforeDayIsDue"/>, for tests that confirm through
    /// the site (at the real time) and then plan <see cref="Day"/>'s digests, which fell due long before.
    /// </summary>
    public static async Task BackdateConfirmationsAsync(TestStore store)
    {
        await using var context = store.Factory.CreateContext();
        await context.Subscriptions
            .Where(s => s.Status == SubscriptionStatus.Confirmed)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ConfirmedAt, BeforeDayIsDue.UtcDateTime));
    }

    /// <summary>A link from a received email, made relative so it can be followed on the running test site.</summary>
    public static string Local(string absolute) => new Uri(absolute).PathAndQuery;

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Smtp.DisposeAsync();
        await Store.DisposeAsync();
    }
}
