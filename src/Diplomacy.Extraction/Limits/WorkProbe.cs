namespace Diplomacy.Extraction.Limits;

/// <summary>
/// A per-thread count of the innermost matching steps (phrase lookups at a token), the operation that repeats when a
/// rule rescans a sentence per candidate. Tests read it to prove that work grows linearly with the input; it costs one
/// thread-local increment per lookup.
/// </summary>
internal static class WorkProbe
{
    [ThreadStatic]
    private static long _steps;

    /// <summary>Steps counted on this thread since it started.</summary>
    public static long Steps => _steps;

    /// <summary>Counts one step.</summary>
    public static void Step() => _steps++;
}
