using System.Globalization;
using System.Text;
using System.Text.Json;
using Spectre.Console;

namespace DailyPapers.Cli;

/// <summary><c>bench votes</c>'s report: each phase's checks (answers, exact counts) and numbers (throughput, latency), as a table or JSON.</summary>
internal static class BenchVotesOutput
{
    private const int MaxProblems = 20;

    /// <summary>One request's outcome: status ("200", or "error: …" when no answer came), latency, and the vote's answer when it was 200.</summary>
    public sealed record Answer(HttpMethod Method, string Paper, string Status, double Milliseconds, int? Upvotes, bool? Voted, string? Detail);

    /// <summary>
    /// One phase of concurrent voting. <paramref name="Statuses"/> counts answers by HTTP status ("200", "503"…) or
    /// by the client's error ("error: HttpRequestException"); latencies are milliseconds from send to the body read.
    /// </summary>
    public sealed record Phase(
        string Name,
        string Description,
        int Requests,
        double Seconds,
        double P50,
        double P90,
        double P99,
        double Max,
        IReadOnlyDictionary<string, int> Statuses,
        bool CountsExact,
        bool AnswersExact)
    {
        public double VotesPerSecond => Requests / Seconds;
    }

    public sealed record Report(
        string Url, int Clients, int VotesPerClient, double PrepareSeconds, IReadOnlyList<Phase> Phases, IReadOnlyList<string> Problems)
    {
        public bool Passed => Problems.Count == 0;
    }

    public static string Json(Report report)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("bench", "votes");
            json.WriteString("url", report.Url);
            json.WriteNumber("clients", report.Clients);
            json.WriteNumber("votes_per_client", report.VotesPerClient);
            json.WriteNumber("cores", Environment.ProcessorCount);
            json.WriteNumber("prepare_seconds", Math.Round(report.PrepareSeconds, 1));
            json.WriteStartArray("phases");
            foreach (var phase in report.Phases)
            {
                json.WriteStartObject();
                json.WriteString("phase", phase.Name);
                json.WriteString("description", phase.Description);
                json.WriteNumber("requests", phase.Requests);
                json.WriteNumber("seconds", Math.Round(phase.Seconds, 3));
                json.WriteNumber("votes_per_second", Math.Round(phase.VotesPerSecond, 1));
                json.WriteNumber("p50", Math.Round(phase.P50, 3));
                json.WriteNumber("p90", Math.Round(phase.P90, 3));
                json.WriteNumber("p99", Math.Round(phase.P99, 3));
                json.WriteNumber("max", Math.Round(phase.Max, 3));
                json.WriteStartObject("statuses");
                foreach (var (status, count) in phase.Statuses.OrderBy(s => s.Key, StringComparer.Ordinal))
                {
                    json.WriteNumber(status, count);
                }

                json.WriteEndObject();
                json.WriteBoolean("counts_exact", phase.CountsExact);
                json.WriteBoolean("answers_exact", phase.AnswersExact);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("problems");
            foreach (var problem in report.Problems)
            {
                json.WriteStringValue(problem);
            }

            json.WriteEndArray();
            json.WriteBoolean("pass", report.Passed);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static void Write(IAnsiConsole console, Report report)
    {
        console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{report.Url} · {report.Clients} clients × {report.VotesPerClient} papers · {Environment.ProcessorCount} cores (shared by server and clients) · readers and tokens prepared in {report.PrepareSeconds:0.0} s"));
        // Phases as columns, measures as rows: narrow enough for an 80-column terminal or a log.
        var table = new Table().Border(TableBorder.Rounded).AddColumn("");
        foreach (var phase in report.Phases)
        {
            table.AddColumn(new TableColumn(Markup.Escape(phase.Name)).RightAligned());
        }

        void Row(string measure, Func<Phase, string> value) => table.AddRow([measure, .. report.Phases.Select(value)]);
        Row("requests", p => p.Requests.ToString("N0", CultureInfo.InvariantCulture));
        Row("seconds", p => p.Seconds.ToString("0.00", CultureInfo.InvariantCulture));
        Row("votes/s", p => p.VotesPerSecond.ToString("0", CultureInfo.InvariantCulture));
        Row("p50 ms", p => Ms(p.P50));
        Row("p90 ms", p => Ms(p.P90));
        Row("p99 ms", p => Ms(p.P99));
        Row("max ms", p => Ms(p.Max));
        Row("answers", p => Markup.Escape(string.Join(" ", p.Statuses.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => s.Key + "×" + s.Value.ToString("N0", CultureInfo.InvariantCulture)))));
        Row("counts", p => p.CountsExact && p.AnswersExact ? "exact" : "[red]WRONG[/]");
        console.Write(table);
        foreach (var phase in report.Phases)
        {
            console.WriteLine($"{phase.Name}: {phase.Description}");
        }

        if (report.Passed)
        {
            console.MarkupLine("[green]PASS[/]: every request answered 200, every count and every answer exact.");
            return;
        }

        console.MarkupLine($"[red]FAIL[/]: {report.Problems.Count} problem(s):");
        foreach (var problem in report.Problems)
        {
            console.WriteLine("  " + problem);
        }
    }

    /// <summary>
    /// A phase's numbers and checks: every answer 200; each paper's count read back as expected; and the answers of the
    /// requests that change a paper (<paramref name="answers"/>: their method and the range of counts) are that range,
    /// each value once — what votes queued one after another on the store's lock must answer.
    /// </summary>
    public static Phase Check(
        string name,
        string description,
        (Answer[] Answers, double Seconds) phase,
        IReadOnlyList<string> papers,
        Func<string, int> expected,
        Dictionary<string, int> after,
        Func<string, (HttpMethod Method, int From, int To)> answers,
        List<string> problems)
    {
        var statuses = phase.Answers.GroupBy(a => a.Status).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var failed in phase.Answers.Where(a => a.Status != "200").GroupBy(a => (a.Status, a.Detail)).Take(5))
        {
            problems.Add($"{name}: {failed.Count()} × {failed.Key.Status} (e.g. {failed.First().Method} {failed.First().Paper}): {failed.Key.Detail}");
        }

        var countsExact = true;
        var answersExact = true;
        var byPaper = phase.Answers.Where(a => a.Upvotes is not null).ToLookup(a => a.Paper, StringComparer.Ordinal);
        foreach (var paper in papers)
        {
            if (after[paper] != expected(paper))
            {
                countsExact = false;
                problems.Add($"{name}: {paper} counts {after[paper]} upvotes, expected {expected(paper)}");
            }

            var (method, from, to) = answers(paper);
            var changing = byPaper[paper].Where(a => a.Method == method).Select(a => a.Upvotes!.Value).Order().ToList();
            var others = byPaper[paper].Where(a => a.Method != method).ToList();
            var wrongVoted = byPaper[paper].Count(a => a.Voted != (a.Method == HttpMethod.Post));
            if (!changing.SequenceEqual(Enumerable.Range(from, to - from + 1)) || others.Any(a => a.Upvotes < from || a.Upvotes > to + 1) || wrongVoted > 0)
            {
                answersExact = false;
                problems.Add($"{name}: {paper}'s {method} answers are not {from}…{to} each once (got {changing.Count} answers from {changing.FirstOrDefault()} to {changing.LastOrDefault()}; {wrongVoted} with the wrong \"voted\")");
            }
        }

        var latencies = phase.Answers.Select(a => a.Milliseconds).Order().ToArray();
        return new Phase(
            name,
            description,
            phase.Answers.Length,
            phase.Seconds,
            Percentile(latencies, 0.50),
            Percentile(latencies, 0.90),
            Percentile(latencies, 0.99),
            latencies[^1],
            statuses,
            countsExact,
            answersExact);
    }

    public static List<string> Capped(List<string> problems) => problems.Count <= MaxProblems
        ? problems
        : [.. problems.Take(MaxProblems), $"… and {problems.Count - MaxProblems} more"];

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static string Ms(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
