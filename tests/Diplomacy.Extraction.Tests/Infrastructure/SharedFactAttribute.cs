namespace Diplomacy.Extraction.Tests.Infrastructure;

/// <summary>A fact that needs ../shared; skipped, visibly and with the reason, when it is absent.</summary>
public sealed class SharedFactAttribute : FactAttribute
{
    public SharedFactAttribute()
    {
        if (RepoPaths.Shared is null)
        {
            Skip = RepoPaths.SharedSkipReason;
        }
    }
}

/// <summary>A theory that needs ../shared; skipped, visibly and with the reason, when it is absent.</summary>
public sealed class SharedTheoryAttribute : TheoryAttribute
{
    public SharedTheoryAttribute()
    {
        if (RepoPaths.Shared is null)
        {
            Skip = RepoPaths.SharedSkipReason;
        }
    }
}
