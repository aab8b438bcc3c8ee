using System.Text;
using DailyPapers.Infrastructure.Digests;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Tests.Digests;

/// <summary><c>subscribers import FILE</c> as the CLI runs it: the file's bytes, its encoding, its columns.</summary>
public sealed class SubscriberImportTests
{
    [Fact]
    public async Task A_line_that_is_not_utf8_is_refused_by_number_and_the_rest_imported()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        var latin1 = Encoding.Latin1.GetBytes("email\nada@example.test\nlatin\u00e9@example.org\n");

        var report = await new SubscriberImport(store.Factory, TimeProvider.System).RunAsync(new MemoryStream(latin1), CancellationToken.None);

        Assert.Equal(1, report.Added);
        var (line, reason) = Assert.Single(report.Refused);
        Assert.Equal(3, line);
        Assert.Contains("not valid UTF-8", reason, StringComparison.Ordinal);
        await using var context = store.Factory.CreateContext();
        Assert.Equal(["ada@example.test"], await context.Subscriptions.Select(s => s.Email).ToListAsync());
    }

    [Theory]
    [InlineData("utf-8 with a byte-order mark")]
    [InlineData("utf-16 with a byte-order mark")]
    public async Task Unicode_files_with_a_byte_order_mark_import(string kind)
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        var encoding = kind.StartsWith("utf-8", StringComparison.Ordinal) ? (Encoding)new UTF8Encoding(true) : Encoding.Unicode;
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes("email,weekly\r\nada@example.test,yes\r\n")).ToArray();

        var report = await new SubscriberImport(store.Factory, TimeProvider.System).RunAsync(new MemoryStream(bytes), CancellationToken.None);

        Assert.Equal((1, 0), (report.Added, report.Refused.Count));
        await using var context = store.Factory.CreateContext();
        Assert.True((await context.Subscriptions.SingleAsync()).Weekly);
    }

    [Fact]
    public async Task A_pending_address_is_confirmed_with_the_files_choices()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using (var context = store.Factory.CreateContext())
        {
            context.Subscriptions.Add(new SubscriptionEntity
            {
                Email = "ada@example.test",
                NormalizedEmail = "ADA@EXAMPLE.TEST",
                Status = SubscriptionStatus.Pending,
                TokenSecret = "x",
                CreatedAt = DateTime.UtcNow,
            });
            await context.SaveChangesAsync();
        }

        var report = await new SubscriberImport(store.Factory, TimeProvider.System)
            .RunAsync(new StringReader("email,daily,weekly\nada@example.test,no,yes\n"), CancellationToken.None);

        Assert.Equal(1, report.Added);
        await using var check = store.Factory.CreateContext();
        var ada = await check.Subscriptions.SingleAsync();
        Assert.Equal((SubscriptionStatus.Confirmed, false, true), (ada.Status, ada.Daily, ada.Weekly));
        Assert.NotNull(ada.ConfirmedAt);
    }
}
