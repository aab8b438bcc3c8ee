using DailyPapers.Infrastructure.Mail;
using DailyPapers.Tests.Harvesting;
using DailyPapers.Tests.Support;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace DailyPapers.Tests.Mail;

/// <summary>The outbox folder that stands in for SMTP: whole .eml files only, and the factory that chooses it.</summary>
public sealed class DirectoryMailTransportTests
{
    [Fact]
    public async Task A_message_becomes_a_loadable_eml_named_by_its_message_id_in_a_new_folder()
    {
        var outbox = Path.Combine(TestData.NewTempDir(), "data", "outbox");
        await using var transport = new DirectoryMailTransport(outbox);
        var message = Message("digest-2026-11-30.ada@dailypapers.test");

        var result = await transport.SendAsync(message, CancellationToken.None);

        Assert.Equal(SendResult.Sent, result);
        var file = Assert.Single(Directory.GetFiles(outbox));
        Assert.Equal(Path.Combine(outbox, "digest-2026-11-30.ada@dailypapers.test.eml"), file);
        var loaded = await MimeMessage.LoadAsync(file);
        Assert.Equal((message.Subject, "ada@example.org", message.TextBody), (loaded.Subject, loaded.To.Mailboxes.Single().Address, loaded.TextBody?.TrimEnd()));
    }

    [Fact]
    public async Task Sending_the_same_message_again_replaces_its_file()
    {
        var outbox = TestData.NewTempDir();
        await using var transport = new DirectoryMailTransport(outbox);
        var message = Message("same@dailypapers.test");

        await transport.SendAsync(message, CancellationToken.None);
        await transport.SendAsync(message, CancellationToken.None);

        Assert.Single(Directory.GetFiles(outbox));
    }

    [Fact]
    public async Task A_failure_while_writing_leaves_no_file_at_all()
    {
        var outbox = TestData.NewTempDir();
        await using var transport = new DirectoryMailTransport(outbox);
        var message = Message("broken@dailypapers.test", new FailingStream(afterBytes: 100_000, () => throw new IOException("disk full")));

        var result = await transport.SendAsync(message, CancellationToken.None);

        Assert.Equal(SendStatus.Transient, result.Status);
        Assert.Contains("disk full", result.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(outbox));
    }

    [Fact]
    public async Task Cancellation_while_writing_throws_and_leaves_no_file_at_all()
    {
        var outbox = TestData.NewTempDir();
        await using var transport = new DirectoryMailTransport(outbox);
        using var cancel = new CancellationTokenSource();
        var message = Message("cancelled@dailypapers.test", new FailingStream(afterBytes: 100_000, () =>
        {
            cancel.Cancel();
            cancel.Token.ThrowIfCancellationRequested();
        }));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => transport.SendAsync(message, cancel.Token));
        Assert.Empty(Directory.GetFileSystemEntries(outbox));
    }

    [Fact]
    public async Task Message_ids_with_path_characters_stay_inside_the_folder_and_apart()
    {
        var outbox = TestData.NewTempDir();
        await using var transport = new DirectoryMailTransport(outbox);

        foreach (var id in new[] { "../../escape@x", "a/b@x", "a_b@x", new string('z', 400) + "@x" })
        {
            Assert.Equal(SendResult.Sent, await transport.SendAsync(Message(id), CancellationToken.None));
        }

        var files = Directory.GetFiles(outbox, "*.eml");
        Assert.Equal(4, files.Length);
        Assert.All(files, f => Assert.Equal(outbox, Path.GetDirectoryName(f)));
        Assert.All(files, f => Assert.False(Path.GetFileName(f).StartsWith('.')));
    }

    [Fact]
    public async Task The_factory_writes_to_the_outbox_folder_when_no_host_is_set_and_says_so_once()
    {
        var data = TestData.NewTempDir();
        using var logs = new CapturingLoggerProvider();
        var logger = logs.CreateLogger("Mail");

        await using var first = MailTransportFactory.Create(new SmtpOptions { Host = " " }, data, logger);
        await using var second = MailTransportFactory.Create(new SmtpOptions(), data, logger);

        var outbox = Path.Combine(data, "outbox");
        Assert.Equal(outbox, Assert.IsType<DirectoryMailTransport>(first).Directory);
        Assert.Equal($"files in {outbox}", second.Description);
        var notice = Assert.Single(logs.Entries);
        Assert.Equal((LogLevel.Warning, $"No SMTP configured (Smtp:Host): messages are written to {outbox}"), (notice.Level, notice.Message));
    }

    private static MimeMessage Message(string messageId, Stream? attachment = null)
    {
        var message = new MimeMessage { MessageId = messageId, Subject = "Trending papers for Monday" };
        message.From.Add(MailboxAddress.Parse("DailyPapers <digest@localhost>"));
        message.To.Add(MailboxAddress.Parse("ada@example.org"));
        var text = new TextPart("plain") { Text = "1. Attention Is All You Need (arXiv:1706.03762)" };
        if (attachment is null)
        {
            message.Body = text;
            return message;
        }

        var part = new MimePart("application", "octet-stream")
        {
            Content = new MimeContent(attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = "big.bin",
        };
        message.Body = new Multipart("mixed") { text, part };
        return message;
    }

    /// <summary>A seekable stream of <c>x</c> that fails (or cancels) after some bytes: the write stops part-way through the file.</summary>
    private sealed class FailingStream(int afterBytes, Action fail) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => 2L * afterBytes;

        public override long Position { get; set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (Position >= afterBytes)
            {
                fail();
            }

            var n = (int)Math.Min(count, Length - Position);
            buffer.AsSpan(offset, n).Fill((byte)'x');
            Position += n;
            return n;
        }

        public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => Position + offset,
            _ => Length + offset,
        };

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
