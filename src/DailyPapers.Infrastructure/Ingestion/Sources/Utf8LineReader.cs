using System.Buffers;
using System.Security.Cryptography;

namespace DailyPapers.Infrastructure.Ingestion.Sources;

/// <summary>
/// Splits a stream of UTF-8 bytes on '\n' without decoding it, so a JSON-lines parser can read each line in place.
/// Each line is valid until the next call. A line longer than <see cref="MaxLineBytes"/> is skipped, not buffered,
/// so a file with no newlines cannot exhaust memory. Knows how many bytes the lines returned so far took
/// (<see cref="Consumed"/>), and can hash exactly those bytes, so an import can commit where it got to (see
/// <see cref="ImportCheckpoint"/>).
/// </summary>
/// <param name="stream">The bytes, from where line <paramref name="linesBefore"/> + 1 starts.</param>
/// <param name="linesBefore">Lines already read (by an earlier run) before the stream's first byte.</param>
/// <param name="bytesBefore">Bytes of those lines.</param>
/// <param name="consumed">Fed every byte of the lines returned, once, in order; null for none.</param>
internal sealed class Utf8LineReader(Stream stream, int linesBefore = 0, long bytesBefore = 0, IncrementalHash? consumed = null) : IDisposable
{
    public const int MaxLineBytes = 64 << 20;

    private const int InitialBufferSize = 1 << 20;

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
    private int _start;
    private int _end;
    private int _searched;
    private bool _endOfStream;
    private bool _skippingLongLine;
    private long _read = bytesBefore;
    private int _hashed;

    /// <summary>The 1-based number of the line last returned.</summary>
    public int LineNumber { get; private set; } = linesBefore;

    /// <summary>True when the line last returned was the end of the input with no '\n' after it: maybe cut short.</summary>
    public bool Unterminated { get; private set; }

    /// <summary>Bytes from the start of the input to the end of the line last returned (its '\n' included).</summary>
    public long Consumed => _read - (_end - _start);

    /// <summary>Feeds the hash every byte consumed that it has not had yet, so that it covers exactly <see cref="Consumed"/>.</summary>
    public void HashConsumed()
    {
        if (consumed is not null && _start > _hashed)
        {
            consumed.AppendData(_buffer, _hashed, _start - _hashed);
        }

        _hashed = _start;
    }

    /// <summary>Reads the next line without its '\n' (and '\r'); false at the end of the stream.</summary>
    /// <param name="tooLong">True when the line was over the limit and <paramref name="line"/> is empty.</param>
    public bool TryReadLine(out ReadOnlyMemory<byte> line, out bool tooLong)
    {
        while (true)
        {
            var newline = _buffer.AsSpan(_searched, _end - _searched).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var lineEnd = _searched + newline;
                line = TrimCarriageReturn(_buffer.AsMemory(_start, lineEnd - _start));
                tooLong = _skippingLongLine;
                _skippingLongLine = false;
                _start = _searched = lineEnd + 1;
                LineNumber++;
                return true;
            }

            _searched = _end;
            if (_endOfStream)
            {
                tooLong = _skippingLongLine;
                _skippingLongLine = false;
                if (_start == _end && !tooLong)
                {
                    line = default;
                    return false;
                }

                // The last line of a file need not end with '\n'.
                line = TrimCarriageReturn(_buffer.AsMemory(_start, _end - _start));
                Unterminated = true;
                _start = _searched = _end;
                LineNumber++;
                return true;
            }

            MakeRoom();
            var read = stream.Read(_buffer, _end, _buffer.Length - _end);
            _endOfStream = read == 0;
            _end += read;
            _read += read;
        }
    }

    /// <summary>Hashes what was consumed and not hashed yet; <see cref="LineNumber"/> and <see cref="Consumed"/> stay readable.</summary>
    public void Dispose()
    {
        HashConsumed();
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    private void MakeRoom()
    {
        var pending = _end - _start;
        if (pending >= MaxLineBytes)
        {
            // Drop what we have of an overlong line and keep scanning for its end. Its bytes count as consumed.
            _skippingLongLine = true;
            _start = _end;
            HashConsumed();
            _start = _end = _searched = _hashed = 0;
            return;
        }

        if (_start > 0)
        {
            HashConsumed();
            _buffer.AsSpan(_start, pending).CopyTo(_buffer);
            _searched -= _start;
            _start = _hashed = 0;
            _end = pending;
        }

        if (_end == _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Min(_buffer.Length * 2, MaxLineBytes + 1));
            _buffer.AsSpan(0, _end).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }
    }

    private static ReadOnlyMemory<byte> TrimCarriageReturn(ReadOnlyMemory<byte> line) =>
        line.Length > 0 && line.Span[^1] == (byte)'\r' ? line[..^1] : line;
}
