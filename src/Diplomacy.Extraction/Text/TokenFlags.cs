namespace Diplomacy.Extraction.Text;

/// <summary>Shape facts about a token, computed while scanning.</summary>
[Flags]
internal enum TokenFlags : byte
{
    None = 0,

    /// <summary>Starts with an upper-case letter.</summary>
    Capitalized = 1,

    /// <summary>Has letters and all of them are upper case (at least two letters).</summary>
    AllUpper = 2,

    /// <summary>Contains an inner hyphen (<c>U.S.-Russia</c>, <c>two-day</c>).</summary>
    Hyphenated = 4,

    /// <summary>An initialism with dots (<c>U.S.</c>, <c>e.g.</c>, <c>z.B.</c>); it ends with its period.</summary>
    Initialism = 8,

    /// <summary>A single CJK character.</summary>
    Cjk = 16,

    /// <summary>Contains an inner apostrophe (<c>don't</c>), or is a possessive clitic (<c>’s</c>).</summary>
    Apostrophe = 32,

    /// <summary>Mixes letters and digits (<c>G20</c>, <c>1st</c>, <c>45%</c> is not).</summary>
    Alphanumeric = 64,

    /// <summary>The token starts right after the previous one, with no space between.</summary>
    Glued = 128,
}
