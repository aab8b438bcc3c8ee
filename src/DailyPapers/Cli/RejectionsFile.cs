using System.Globalization;
using DailyPapers.Core.Papers;

namespace DailyPapers.Cli;

/// <summary>
/// Every rejection of an import, one per line as it happens, in <c>imports/rejected-*.tsv</c> under the data folder;
/// created at the first rejection, so a clean import leaves no file.
/// </summary>
internal sealed class RejectionsFile(string dataDirectory, DateTimeOffset startedAt) : IDisposable
{
    private StreamWriter? _writer;

    /// <summary>The file, once there has been a rejection.</summary>
    public string? Path { get; private set; }

    public void Write(RejectedItem rejected)
    {
        if (_writer is null)
        {
            var folder = System.IO.Path.Combine(dataDirectory, "imports");
            Directory.CreateDirectory(folder);
            Path = System.IO.Path.Combine(folder, $"rejected-{startedAt.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.tsv");
            _writer = new StreamWriter(Path);
            _writer.WriteLine("location\treason");
        }

        _writer.WriteLine($"{rejected.Location}\t{rejected.Reason.Replace('\t', ' ')}");
    }

    public void Dispose()
    {
        _writer?.Dispose();
        _writer = null;
    }
}
