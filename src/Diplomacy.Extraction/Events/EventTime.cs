using Diplomacy.Extraction.Dates;
using Diplomacy.Extraction.Text;

namespace Diplomacy.Extraction.Events;

/// <summary>When an event takes place, resolved against the document's reference date.</summary>
/// <param name="Text">The time expression as written.</param>
/// <param name="Start">First day of the interval, when resolved.</param>
/// <param name="End">Last day of the interval (inclusive), when resolved.</param>
/// <param name="Timex">TIMEX3-style value.</param>
/// <param name="Granularity">Precision of the interval.</param>
/// <param name="Resolved">Whether the interval is known.</param>
/// <param name="Span">Where the expression is in the original text.</param>
public sealed record EventTime(string Text, DateOnly? Start, DateOnly? End, string? Timex, TimeGranularity? Granularity, bool Resolved, TextSpan Span);
