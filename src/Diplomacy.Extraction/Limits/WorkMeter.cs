namespace Diplomacy.Extraction.Limits;

/// <summary>
/// Counts the work units (characters scanned, tokens visited) of one document and honours cancellation every
/// <see cref="CheckInterval"/> units, so a cancelled document stops after a bounded amount of further work
/// instead of only between stages. One meter per document; not thread-safe.
/// </summary>
internal sealed class WorkMeter(CancellationToken cancellationToken)
{
    /// <summary>Units between two cancellation checks.</summary>
    public const int CheckInterval = 4096;

    private long _nextCheck = CheckInterval;

    /// <summary>The units counted so far.</summary>
    public long Units { get; private set; }

    /// <summary>Called at every check with <see cref="Units"/>, before the token is tested (lets tests cancel at a known point).</summary>
    public Action<long>? OnCheck { get; set; }

    /// <summary>Counts <paramref name="units"/> of work and checks for cancellation when an interval is full.</summary>
    /// <exception cref="OperationCanceledException">Cancellation was requested.</exception>
    public void Add(int units)
    {
        Units += units;
        if (Units >= _nextCheck)
        {
            Check();
        }
    }

    /// <summary>Checks for cancellation now.</summary>
    /// <exception cref="OperationCanceledException">Cancellation was requested.</exception>
    public void Check()
    {
        _nextCheck = Units + CheckInterval;
        OnCheck?.Invoke(Units);
        cancellationToken.ThrowIfCancellationRequested();
    }
}
