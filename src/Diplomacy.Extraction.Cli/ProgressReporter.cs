using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace Diplomacy.Extraction.Cli;

/// <summary>
/// Progress on standard error only: a Spectre.Console bar (docs/s, MB/s, ETA) when stderr is a terminal, a plain line
/// every few seconds when it is redirected, nothing when disabled. <see cref="Advance"/> is called by one thread.
/// </summary>
internal sealed class ProgressReporter
{
    private static readonly TimeSpan BarInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LineInterval = TimeSpan.FromSeconds(5);
    private readonly TextWriter _stderr;
    private readonly long _totalBytes;
    private readonly Mode _mode;
    private readonly Stopwatch _clock = new();
    private TimeSpan _lastReport;
    private long _docs;
    private long _bytes;
    private ProgressTask? _task;

    /// <param name="stderr">Where progress goes.</param>
    /// <param name="totalBytes">The input size for the ETA; 0 when unknown.</param>
    /// <param name="enabled">False: no progress; null or true: automatic.</param>
    /// <param name="recordsOnTerminal">Records are printed on the same terminal: a live bar would tear them, so plain lines are used.</param>
    public ProgressReporter(TextWriter stderr, long totalBytes, bool? enabled, bool recordsOnTerminal)
    {
        _stderr = stderr;
        _totalBytes = totalBytes;
        _mode = enabled == false ? Mode.Off
            : ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected && !recordsOnTerminal ? Mode.Bar
            : Mode.Lines;
    }

    private enum Mode
    {
        Off,
        Bar,
        Lines,
    }

    public async Task<T> RunAsync<T>(Func<ProgressReporter, Task<T>> body)
    {
        _clock.Start();
        if (_mode != Mode.Bar)
        {
            T plain = await body(this).ConfigureAwait(false);
            if (_mode == Mode.Lines && _clock.Elapsed >= LineInterval)
            {
                _stderr.WriteLine(Line());
            }

            return plain;
        }

        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(_stderr) });
        return await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                _task = ctx.AddTask("extract", maxValue: _totalBytes > 0 ? _totalBytes : 1);
                _task.IsIndeterminate = _totalBytes <= 0;
                T result = await body(this).ConfigureAwait(false);
                _task.Description = Rates();
                _task.Value = _task.MaxValue;
                _task.StopTask();
                return result;
            }).ConfigureAwait(false);
    }

    public void Advance(long bytes)
    {
        _docs++;
        _bytes += bytes;
        if (_mode == Mode.Off)
        {
            return;
        }

        TimeSpan now = _clock.Elapsed;
        if (now - _lastReport < (_mode == Mode.Bar ? BarInterval : LineInterval))
        {
            return;
        }

        _lastReport = now;
        if (_task is not null)
        {
            _task.Value = Math.Min(_bytes, _task.MaxValue);
            _task.Description = Rates();
        }
        else
        {
            _stderr.WriteLine(Line());
        }
    }

    private string Rates()
    {
        double seconds = Math.Max(_clock.Elapsed.TotalSeconds, 1e-3);
        return string.Create(CultureInfo.InvariantCulture, $"{_docs:N0} docs  {_docs / seconds:F0} docs/s  {_bytes / seconds / 1e6:F1} MB/s");
    }

    private string Line()
    {
        string line = "progress: " + Rates();
        if (_totalBytes > 0 && _bytes > 0)
        {
            double fraction = Math.Min(1, (double)_bytes / _totalBytes);
            double remaining = _clock.Elapsed.TotalSeconds * (1 - fraction) / fraction;
            line += string.Create(CultureInfo.InvariantCulture, $"  {fraction * 100:F1}%  ETA {TimeSpan.FromSeconds(Math.Round(remaining)):c}");
        }

        return line;
    }
}
