namespace Diplomacy.Extraction.Batch;

/// <summary>How <c>ExtractAllAsync</c> schedules the work.</summary>
public sealed record BatchOptions
{
    private readonly int _maxDegreeOfParallelism = Environment.ProcessorCount;
    private readonly int _boundedCapacity;

    /// <summary>How many documents are processed at the same time (default: <see cref="Environment.ProcessorCount"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxDegreeOfParallelism
    {
        get => _maxDegreeOfParallelism;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            _maxDegreeOfParallelism = value;
        }
    }

    /// <summary>
    /// The most documents held at once between reading the input and handing the result to the consumer (queued,
    /// being processed, or waiting for their turn when order is preserved). A producer further ahead is throttled.
    /// 0 (the default) means 4 × <see cref="MaxDegreeOfParallelism"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int BoundedCapacity
    {
        get => _boundedCapacity;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            _boundedCapacity = value;
        }
    }

    /// <summary>Whether results come out in input order (default) or as soon as each is done.</summary>
    public bool PreserveOrder { get; init; } = true;

    internal int EffectiveCapacity => _boundedCapacity > 0 ? Math.Max(_boundedCapacity, 1) : 4 * _maxDegreeOfParallelism;
}
