using Diplomacy.Extraction.Dates;
using Diplomacy.Extraction.Entities;
using Diplomacy.Extraction.Text;

namespace Diplomacy.Extraction.Events;

/// <summary>A sentence as the event builder sees it: its tokens, the entities and times in it, and its role in the article.</summary>
internal sealed class SentenceView
{
    public required int Index { get; init; }

    /// <summary>Span in normalized coordinates.</summary>
    public required TextSpan Span { get; init; }

    /// <summary>The sentence's tokens (no breaks).</summary>
    public required Token[] Tokens { get; init; }

    public List<EntityRef> Entities { get; } = [];

    public List<TimeRef> Times { get; } = [];

    /// <summary>The trigger mentions in this sentence.</summary>
    public List<Mention> Mentions { get; } = [];

    /// <summary>A heading (no final punctuation, short, title-like) that opens a section.</summary>
    public bool IsSectionHeading { get; set; }

    /// <summary>A short line: list item, table row or table header.</summary>
    public bool IsListLike { get; set; }

    /// <summary>Ends with a colon: it introduces a list.</summary>
    public bool IntroducesList { get; set; }

    /// <summary>In a section about commentary rather than the meeting (analysts' views, recommendations, reactions).</summary>
    public bool OffAgendaSection { get; set; }

    private string? _text;
    private EventLexicon? _lexicon;
    private bool? _offAgendaSentence;
    private bool? _hasAgendaCue;
    private bool? _hypothetical;
    private bool[]? _exclusionScope;

    /// <summary>The sentence itself speaks about commentary (analysts, polls, markets). Computed on first use.</summary>
    public bool OffAgendaSentence => _offAgendaSentence ??= Lexicon.OffAgendaSentences.Any(Text, Tokens);

    /// <summary>Contains an agenda cue. Computed on first use.</summary>
    public bool HasAgendaCue => _hasAgendaCue ??= Lexicon.AgendaCues.Any(Text, Tokens);

    /// <summary>Conditional or speculative ("if", "could", "may"). Computed on first use.</summary>
    public bool Hypothetical => _hypothetical ??= EventFrameBuilder.IsHypothetical(Text, Tokens, Lexicon);

    /// <summary>Tokens inside the scope of an agenda exclusion ("without Ukraine being a topic"): never participants. Computed on first use.</summary>
    public bool[] ExclusionScope => _exclusionScope ??= EventFrameBuilder.ExclusionScope(Text, Tokens, Lexicon);

    private string Text => _text ?? throw new InvalidOperationException("SetSource was not called.");

    private EventLexicon Lexicon => _lexicon ?? throw new InvalidOperationException("SetSource was not called.");

    /// <summary>Sets the document text and lexicon the lazily computed cues are read from.</summary>
    public void SetSource(string text, EventLexicon lexicon)
    {
        _text = text;
        _lexicon = lexicon;
    }

    /// <summary>Whether this sentence's topics are the agenda of the nearest event.</summary>
    public bool IsAgenda { get; set; }
}

/// <summary>An entity inside a sentence, with its token range (sentence-local, end exclusive).</summary>
internal sealed record EntityRef(EntityMention Mention, TextSpan NormalizedSpan, int TokenStart, int TokenEnd);

/// <summary>A time expression inside a sentence, with its token range (sentence-local, end exclusive).</summary>
internal sealed record TimeRef(TimeExpression Expression, TextSpan NormalizedSpan, int TokenStart, int TokenEnd);
