using System.Security.Cryptography;
using System.Text;
using MimeKit;

namespace DailyPapers.Infrastructure.Mail;

/// <summary>
/// Stands in for SMTP when none is configured: each message becomes <c>{Message-ID}.eml</c> in one folder
/// (<c>data/outbox/</c>). A file appears whole or not at all (written beside it, then renamed), and sending the
/// same message again replaces its file. Safe to use from several threads.
/// </summary>
public sealed class DirectoryMailTransport : IMailTransport
{
    private const int MaxNameLength = 150;

    public DirectoryMailTransport(string directory)
    {
        Directory = Path.GetFullPath(directory);
        Description = $"files in {Directory}";
    }

    public string Directory { get; }

    public string Description { get; }

    /// <summary>The file a message is written to.</summary>
    public string PathFor(MimeMessage message) => Path.Combine(Directory, FileName(message.MessageId) + ".eml");

    public async Task<SendResult> SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var path = PathFor(message);
        // A leading dot and a .tmp ending: nothing that lists *.eml ever sees a half-written file.
        var temp = Path.Combine(Directory, $".{Path.GetFileNameWithoutExtension(path)}.{Guid.NewGuid():N}.tmp");
        var moved = false;
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
            {
                await message.WriteToAsync(stream, cancellationToken);
                await stream.FlushAsync(cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
            moved = true;
            return SendResult.Sent;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return SendResult.Transient($"cannot write {path}: {ex.Message}");
        }
        finally
        {
            if (!moved)
            {
                TryDelete(temp);
            }
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static string FileName(string? messageId)
    {
        if (string.IsNullOrWhiteSpace(messageId))
        {
            return Guid.NewGuid().ToString("N");
        }

        var name = new StringBuilder(messageId.Length);
        foreach (var c in messageId)
        {
            name.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '@' or '+' or '=' ? c : '_');
        }

        if (name[0] == '.')
        {
            name[0] = '_';
        }

        var safe = name.ToString();
        if (safe == messageId && safe.Length <= MaxNameLength)
        {
            return safe;
        }

        // Replaced characters or a cut could make two ids collide; a hash of the original keeps them apart.
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(messageId)))[..12];
        return $"{safe[..Math.Min(safe.Length, MaxNameLength)]}-{hash}";
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Left behind as a .tmp file, which readers of the outbox ignore.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
