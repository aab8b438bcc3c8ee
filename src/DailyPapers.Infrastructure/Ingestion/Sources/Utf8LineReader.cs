using System.Buffers;

namespace DailyPapers.Infrastructure.Ingestion.Sources;

/// <summary>
/// Splits a stream of UTF-8 bytes on '\n' without decoding it, so a JSON-lines parser can read each line in place.
/// Each line is valid until the next call. A line longer than <see cref="MaxLineBytes"/> is skipped, not buffered,
/// so a file with no newlines cannot exhaust memory.
/// </summary>
internal sealed class Utf8LineReader(Stream stream) : IDisposable
{
    public const int MaxLineBytes = 64 << 20;

    private const int InitialBufferSize = 1 << 20;

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
    private int _start;
    private int _end;
    private int _searched;
    private bool _endOfStream;
    private bool _skippingLongLine;

    /// <summary>The 1-based number of the line last returned.</summary>
    public int LineNumber { get; private set; }

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
                _start = _searched = _end;
                LineNumber++;
                return true;
            }

            MakeRoom();
            var read = stream.Read(_buffer, _end, _buffer.Length - _end);
            _endOfStream = read == 0;
            _end += read;
        }
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    private void MakeRoom()
    {
        var pending = _end - _start;
        if (pending >= MaxLineBytes)
        {
            // Drop what we have of an overlong line and keep scanning for its end.
            _skippingLongLine = true;
            _start = _end = _searched = 0;
            return;
        }

        if (_start > 0)
        {
            _buffer.AsSpan(_start, pending).CopyTo(_buffer);
            _searched -= _start;
            _start = 0;
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
