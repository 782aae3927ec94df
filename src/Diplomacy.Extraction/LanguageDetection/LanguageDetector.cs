using System.Collections.Frozen;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Diplomacy.Extraction.LanguageDetection;

/// <summary>
/// Identifies the language of a text with the trained character n-gram model (<see cref="LanguageModel"/>):
/// a script census first (a script used by one candidate language decides alone), then naive-Bayes scoring of
/// hashed n-grams and words over the languages written in the text's main script, stopping as soon as the leader is
/// far enough ahead. Thread-safe; the scoring allocates nothing.
/// </summary>
internal sealed class LanguageDetector
{
    /// <summary>The code for "undetermined".</summary>
    public const string Undetermined = "und";

    /// <summary>Stop reading a document once the leader is this many nats ahead (before temperature).</summary>
    public const double DocumentExitMargin = 60;

    /// <summary>Stop reading a paragraph (mixed-language check) once the leader is this many nats ahead.</summary>
    public const double ParagraphExitMargin = 30;

    /// <summary>Overlapping n-grams are not independent: scores are divided by this before the softmax.</summary>
    private const double Temperature = 5.0;

    /// <summary>Below this confidence the answer is <see cref="Undetermined"/> (the ranking is still reported).</summary>
    private const double MinConfidence = 0.2;

    /// <summary>Fewer letters than this (outside a unique script) are too little to judge.</summary>
    private const int MinLetters = 1;

    /// <summary>Words read before an early exit is considered.</summary>
    private const int MinWordsBeforeExit = 6;

    /// <summary>How many n-grams a known whole word counts for.</summary>
    private const ushort WholeWordWeight = 6;

    /// <summary>The most one word can count against a language, in nats.</summary>
    private const double WordCap = 30;

    /// <summary>Log-odds bonus for the metadata hint (a factor of about 20): it tips close calls, not clear ones.</summary>
    private const double HintBonus = 3.0;

    /// <summary>On short texts the hint wins unless another language is at least this many times as likely.</summary>
    private const double HintTieFactor = 1.5;

    /// <summary>Texts up to this long (a sentence, a headline) are read to the end: no early exit.</summary>
    private const int ShortTextChars = 256;

    /// <summary>
    /// The short-text layer decides texts of at most this many words (queries, names, word pairs, headlines); longer
    /// texts keep the n-gram decision, which is already near-perfect on sentences and does not over-read the layer's
    /// per-language biases on unusual text such as wire-service tables.
    /// </summary>
    private const int MaxLayerWords = 6;

    /// <summary>Characters looked at by the script census.</summary>
    private const int CensusChars = 4096;

    /// <summary>Documents at least this long are checked paragraph by paragraph for other languages.</summary>
    private const int MinDocumentForParagraphs = 200;

    /// <summary>Paragraphs shorter than this are not judged on their own.</summary>
    private const int MinParagraphChars = 50;

    /// <summary>An other-language paragraph must be at least this sure.</summary>
    private const double MinOtherConfidence = 0.95;

    private static readonly Lazy<LanguageDetector> DefaultLazy = new(() => new LanguageDetector(LanguageModel.LoadEmbedded()), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly LanguageModel _model;
    private readonly uint[] _lanesByScript;
    private readonly string?[] _scriptOnlyByScript;
    private readonly FrozenDictionary<string, int> _laneOf;
    private readonly FrozenSet<string> _known;

    public LanguageDetector(LanguageModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
        _lanesByScript = new uint[LetterTables.ScriptCount];
        _scriptOnlyByScript = new string?[LetterTables.ScriptCount];
        var laneOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int lane = 0; lane < model.Languages.Length; lane++)
        {
            laneOf[model.Languages[lane]] = lane;
            for (int s = 0; s < LetterTables.ScriptCount; s++)
            {
                if ((model.ScriptMasks[lane] & (1u << s)) != 0)
                {
                    _lanesByScript[s] |= 1u << lane;
                }
            }
        }

        foreach ((string language, UnicodeScript script) in model.ScriptOnly)
        {
            if (_lanesByScript[(int)script] == 0)
            {
                _scriptOnlyByScript[(int)script] = language;
            }
        }

        _laneOf = laneOf.ToFrozenDictionary(StringComparer.Ordinal);
        var known = new HashSet<string>(model.Languages, StringComparer.Ordinal);
        foreach ((string language, _) in model.ScriptOnly)
        {
            known.Add(language);
        }

        _known = known.ToFrozenSet(StringComparer.Ordinal);
        AllCandidates = CreateCandidates(null);
    }

    /// <summary>The detector with the embedded model, loaded on first use.</summary>
    public static LanguageDetector Default => DefaultLazy.Value;

    /// <summary>Every language the detector can answer (trained and script-only).</summary>
    public IReadOnlySet<string> KnownLanguages => _known;

    /// <summary>All languages as candidates.</summary>
    public CandidateSet AllCandidates { get; }

    /// <summary>A candidate set from ISO 639-1 codes; null or empty means all. Unknown codes are ignored.</summary>
    public CandidateSet CreateCandidates(IReadOnlyList<string>? languages)
    {
        if (languages is null || languages.Count == 0)
        {
            uint all = _model.Languages.Length == 32 ? uint.MaxValue : (1u << _model.Languages.Length) - 1;
            return new CandidateSet(all, null);
        }

        uint lanes = 0;
        var scriptOnly = new HashSet<string>(StringComparer.Ordinal);
        foreach (string language in languages)
        {
            if (_laneOf.TryGetValue(language, out int lane))
            {
                lanes |= 1u << lane;
            }
            else if (_known.Contains(language))
            {
                scriptOnly.Add(language);
            }
        }

        return new CandidateSet(lanes, scriptOnly.ToFrozenSet(StringComparer.Ordinal));
    }

    /// <summary>The language of a short or long text, read until sure.</summary>
    public LanguageGuess Detect(ReadOnlySpan<char> text, CandidateSet candidates, string? hint = null, double exitMargin = DocumentExitMargin)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        Span<double> probs = stackalloc double[LanguageModel.Lanes];
        bool shortText = text.Length <= ShortTextChars;
        Core core = DetectCore(text, candidates, hint, shortText ? double.PositiveInfinity : exitMargin, probs, rescore: shortText);
        return new LanguageGuess(core.Language, core.Confidence, core.Lanes == 0 ? [] : Alternatives(probs, core.Lanes, core.BestLane));
    }

    /// <summary>
    /// The dominant language of a document and the paragraphs (separated by blank lines) written in other languages.
    /// </summary>
    public DocumentLanguage DetectDocument(ReadOnlySpan<char> text, CandidateSet candidates, string? hint = null, Limits.WorkMeter? work = null)
    {
        work?.Check();
        LanguageGuess main = Detect(text, candidates, hint);
        if (main.IsUndetermined || text.Length < MinDocumentForParagraphs)
        {
            return new DocumentLanguage(main, []);
        }

        // Every paragraph long enough to judge alone gets its own (early-exit) verdict.
        var paragraphs = new List<(int Start, int Length, string Language, double Confidence)>();
        Span<double> probs = stackalloc double[LanguageModel.Lanes];
        int mainChars = 0;
        int otherChars = 0;
        int position = 0;
        while (position < text.Length)
        {
            int end = ParagraphEnd(text, position, out int next);
            work?.Add(next - position);
            ReadOnlySpan<char> paragraph = text[position..end];
            string language = main.Language;
            double confidence = main.Confidence;
            if (paragraph.Trim().Length >= MinParagraphChars)
            {
                Core core = DetectCore(paragraph, candidates, null, ParagraphExitMargin, probs, rescore: false);
                if (core.Lanes != 0 && core.Confidence >= MinOtherConfidence && !string.Equals(core.Language, Undetermined, StringComparison.Ordinal))
                {
                    language = core.Language;
                    confidence = core.Confidence;
                }
            }

            if (string.Equals(language, main.Language, StringComparison.Ordinal))
            {
                mainChars += end - position;
            }
            else
            {
                otherChars += end - position;
            }

            paragraphs.Add((position, end - position, language, confidence));
            position = next;
        }

        if (otherChars == 0)
        {
            return new DocumentLanguage(main, []);
        }

        // A document whose other-language paragraphs outweigh the first impression is re-judged as a whole.
        if (otherChars > mainChars)
        {
            LanguageGuess whole = Detect(text, candidates, hint, double.PositiveInfinity);
            if (!whole.IsUndetermined)
            {
                main = whole;
            }
        }

        var others = new List<(int Start, int Length, string Language, double Confidence)>();
        foreach (var p in paragraphs)
        {
            if (!string.Equals(p.Language, main.Language, StringComparison.Ordinal))
            {
                others.Add(p);
            }
        }

        return new DocumentLanguage(main, Merge(text, others));
    }

    private static List<(int Start, int Length, string Language, double Confidence)> Merge(ReadOnlySpan<char> text, List<(int Start, int Length, string Language, double Confidence)> spans)
    {
        var merged = new List<(int Start, int Length, string Language, double Confidence)>(spans.Count);
        foreach (var s in spans)
        {
            if (merged.Count > 0)
            {
                var last = merged[^1];
                int lastEnd = last.Start + last.Length;
                if (string.Equals(last.Language, s.Language, StringComparison.Ordinal) && lastEnd <= s.Start && text[lastEnd..s.Start].IsWhiteSpace())
                {
                    merged[^1] = (last.Start, s.Start + s.Length - last.Start, last.Language, Math.Min(last.Confidence, s.Confidence));
                    continue;
                }
            }

            merged.Add(s);
        }

        return merged;
    }

    /// <summary>The end of the paragraph starting at <paramref name="start"/> (before its blank line) and where the next one starts.</summary>
    private static int ParagraphEnd(ReadOnlySpan<char> text, int start, out int next)
    {
        int i = start;
        while (true)
        {
            int nl = text[i..].IndexOf('\n');
            if (nl < 0)
            {
                next = text.Length;
                return text.Length;
            }

            int lineEnd = i + nl;
            int j = lineEnd + 1;
            while (j < text.Length && text[j] is ' ' or '\t' or '\r')
            {
                j++;
            }

            if (j < text.Length && text[j] == '\n')
            {
                int end = lineEnd > start && text[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
                while (j < text.Length && char.IsWhiteSpace(text[j]))
                {
                    j++;
                }

                next = j;
                return end;
            }

            if (j >= text.Length)
            {
                next = text.Length;
                return lineEnd;
            }

            i = lineEnd + 1;
        }
    }

    /// <summary>
    /// The short-text layer's features of every candidate lane of a text (<see cref="ShortTextRescorer.FeatureCount"/>
    /// per lane, lane-major); returns the number of words, or -1 when no n-gram scoring applies (no letters, a
    /// script-only language or a single candidate). Used by the trainer to fit the layer.
    /// </summary>
    internal int ShortTextFeatures(ReadOnlySpan<char> text, CandidateSet candidates, Span<float> features, out uint lanes)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        lanes = Census(text, candidates, out _, out _, out _, out _);
        if (text.Length > ShortTextChars)
        {
            return -1;
        }

        if (BitOperations.PopCount(lanes) < 2)
        {
            return -1;
        }

        var sink = new ShortTextFeatureSink(_model, lanes, WholeWordWeight, (float)WordCap);
        NGramFeaturizer.Run(text, ref sink);
        for (uint r = lanes; r != 0; r &= r - 1)
        {
            int lane = BitOperations.TrailingZeroCount(r);
            sink.CopyFeatures(lane, features.Slice(lane * ShortTextRescorer.FeatureCount, ShortTextRescorer.FeatureCount));
        }

        return sink.Words;
    }

    /// <summary>
    /// The short-text layer's scores of the candidate lanes of a text (no priors, no hint, no pair correction; other
    /// lanes get negative infinity); returns the number of words, or -1 when the layer does not apply. Used by the
    /// trainer to fit the pair corrections.
    /// </summary>
    internal int ShortTextScores(ReadOnlySpan<char> text, CandidateSet candidates, Span<double> scores, out uint lanes)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        lanes = Census(text, candidates, out _, out _, out _, out _);
        if (text.Length > ShortTextChars || BitOperations.PopCount(lanes) < 2 || _model.Rescorer is not { } rescorer
            || NGramFeaturizer.CountWords(text, MaxLayerWords) > MaxLayerWords)
        {
            return -1;
        }

        return LayerScores(text, lanes, rescorer, scores);
    }

    /// <summary>The layer's score of every candidate lane (others: negative infinity); returns the number of words.</summary>
    private int LayerScores(ReadOnlySpan<char> text, uint lanes, ShortTextRescorer rescorer, Span<double> scores)
    {
        var features = new ShortTextFeatureSink(_model, lanes, WholeWordWeight, (float)WordCap);
        NGramFeaturizer.Run(text, ref features);
        int bucket = ShortTextRescorer.BucketOf(features.Words);
        Span<float> row = stackalloc float[ShortTextRescorer.FeatureCount];
        for (int lane = 0; lane < LanguageModel.Lanes; lane++)
        {
            if ((lanes & (1u << lane)) == 0)
            {
                scores[lane] = double.NegativeInfinity;
                continue;
            }

            features.CopyFeatures(lane, row);
            scores[lane] = rescorer.Score(bucket, lane, row);
        }

        return features.Words;
    }

    /// <summary>Script census: the candidate lanes written in the text's dominant script (0 when none).</summary>
    private uint Census(ReadOnlySpan<char> text, CandidateSet candidates, out int letters, out int dominant, out double scriptShare, out string? scriptOnly)
    {
        Span<int> scripts = stackalloc int[LetterTables.ScriptCount];
        ReadOnlySpan<char> sample = text.Length > CensusChars ? text[..CensusChars] : text;
        letters = 0;
        int i = 0;
        if (Vector256.IsHardwareAccelerated && LetterTables.AsciiLettersAreLatin)
        {
            // ASCII runs (most news text): count the letters 16 at a time; other blocks go through the table.
            ref ushort first = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(sample));
            Vector256<ushort> asciiMax = Vector256.Create((ushort)0x7F);
            Vector256<ushort> caseBit = Vector256.Create((ushort)0x20);
            Vector256<ushort> a = Vector256.Create((ushort)'a');
            Vector256<ushort> alphabet = Vector256.Create((ushort)26);
            int latin = 0;
            for (; i + Vector256<ushort>.Count <= sample.Length; i += Vector256<ushort>.Count)
            {
                Vector256<ushort> v = Vector256.LoadUnsafe(ref first, (nuint)i);

                // (c | 0x20) - 'a' < 26 holds for the ASCII letters only (no character above 0x7A passes).
                latin += BitOperations.PopCount(Vector256.LessThan((v | caseBit) - a, alphabet).ExtractMostSignificantBits());
                for (uint other = Vector256.GreaterThan(v, asciiMax).ExtractMostSignificantBits(); other != 0; other &= other - 1)
                {
                    UnicodeScript s = LetterTables.ScriptOf(sample[i + BitOperations.TrailingZeroCount(other)]);
                    if (s != UnicodeScript.None)
                    {
                        scripts[(int)s]++;
                        letters++;
                    }
                }
            }

            scripts[(int)UnicodeScript.Latin] += latin;
            letters += latin;
        }

        letters += CountScripts(sample[i..], scripts);

        dominant = 1;
        scriptShare = 0;
        scriptOnly = null;
        if (letters == 0)
        {
            return 0;
        }

        for (int s = 2; s < scripts.Length; s++)
        {
            if (scripts[s] > scripts[dominant])
            {
                dominant = s;
            }
        }

        scriptShare = scripts[dominant] / (double)letters;
        scriptOnly = _scriptOnlyByScript[dominant];
        return candidates.Lanes & _lanesByScript[dominant];
    }

    /// <summary>Adds the script of every character to <paramref name="scripts"/>; returns the number of letters.</summary>
    private static int CountScripts(ReadOnlySpan<char> text, Span<int> scripts)
    {
        int letters = 0;
        foreach (char c in text)
        {
            UnicodeScript s = LetterTables.ScriptOf(c);
            if (s != UnicodeScript.None)
            {
                scripts[(int)s]++;
                letters++;
            }
        }

        return letters;
    }

    private Core DetectCore(ReadOnlySpan<char> text, CandidateSet candidates, string? hint, double exitMargin, Span<double> probs, bool rescore)
    {
        // 1. Script census.
        uint lanes = Census(text, candidates, out int letters, out int dominant, out double scriptShare, out string? scriptOnly);
        if (letters == 0)
        {
            return new Core(Undetermined, 0, 0, -1);
        }

        if (scriptOnly is not null && candidates.Allows(scriptOnly) && lanes == 0)
        {
            return new Core(scriptOnly, scriptShare, 0, -1);
        }

        if (lanes == 0)
        {
            return new Core(Undetermined, 0, 0, -1);
        }

        if (BitOperations.PopCount(lanes) == 1)
        {
            int only = BitOperations.TrailingZeroCount(lanes);
            probs.Clear();
            probs[only] = scriptShare;
            return new Core(_model.Languages[only], scriptShare, lanes, only);
        }

        int hintLane = hint is not null && _laneOf.TryGetValue(hint, out int h) ? h : -1;
        if (rescore && _model.Rescorer is { } rescorer && NGramFeaturizer.CountWords(text, MaxLayerWords) <= MaxLayerWords)
        {
            // 2'. Short text: the discriminative layer over the n-gram features decides, corrected for confusable pairs.
            int words = LayerScores(text, lanes, rescorer, probs);
            _model.Pairs?.Apply(text, lanes, words, probs);
            for (uint r = lanes; r != 0; r &= r - 1)
            {
                int lane = BitOperations.TrailingZeroCount(r);
                probs[lane] = probs[lane] + _model.LogPrior(lane, dominant) + (lane == hintLane ? HintBonus : 0);
            }

            return HintOnNearTie(Decide(lanes, scriptShare, probs), hintLane, scriptShare, probs);
        }

        // 2. N-gram scoring over the languages of that script.
        var sink = new ScoreSink(_model, lanes, double.IsPositiveInfinity(exitMargin) ? int.MaxValue : (int)(exitMargin * _model.Scale), WordCache.For(_model));
        NGramFeaturizer.Run(text, ref sink);
        if (letters < MinLetters)
        {
            return new Core(Undetermined, 0, 0, -1);
        }

        // Without a single known feature only the priors of the script's languages speak (usually too weakly to answer).
        Span<uint> totals = stackalloc uint[LanguageModel.Lanes];
        sink.CopyTotals(totals);
        double inv = 1.0 / (_model.Scale * Temperature);
        for (int lane = 0; lane < LanguageModel.Lanes; lane++)
        {
            probs[lane] = (lanes & (1u << lane)) == 0
                ? double.NegativeInfinity
                : (-totals[lane] * inv) + _model.LogPrior(lane, dominant) + (lane == hintLane ? HintBonus : 0);
        }

        return Decide(lanes, scriptShare, probs);
    }

    /// <summary>
    /// Short texts only: when the hinted language, its bonus included, is within a factor of
    /// <see cref="HintTieFactor"/> of the best, the hint is the answer. A few words that are all names carry almost
    /// no language evidence, so small changes of the model must not flip them against the document's metadata.
    /// </summary>
    private Core HintOnNearTie(Core core, int hintLane, double scriptShare, ReadOnlySpan<double> probs)
    {
        if (hintLane < 0 || core.BestLane < 0 || core.BestLane == hintLane || (core.Lanes & (1u << hintLane)) == 0
            || probs[hintLane] * HintTieFactor < probs[core.BestLane])
        {
            return core;
        }

        double confidence = probs[hintLane] * Math.Min(1, scriptShare + 0.3);
        return new Core(confidence < MinConfidence ? Undetermined : _model.Languages[hintLane], confidence, core.Lanes, hintLane);
    }

    /// <summary>Softmax over the candidate lanes' log scores (in place), then the answer or <see cref="Undetermined"/>.</summary>
    private Core Decide(uint lanes, double scriptShare, Span<double> probs)
    {
        double max = double.NegativeInfinity;
        for (int lane = 0; lane < LanguageModel.Lanes; lane++)
        {
            if ((lanes & (1u << lane)) != 0)
            {
                max = Math.Max(max, probs[lane]);
            }
        }

        double sum = 0;
        int best = -1;
        for (int lane = 0; lane < LanguageModel.Lanes; lane++)
        {
            double p = (lanes & (1u << lane)) == 0 ? 0 : Math.Exp(probs[lane] - max);
            probs[lane] = p;
            sum += p;
            if (best < 0 || p > probs[best])
            {
                best = lane;
            }
        }

        for (int lane = 0; lane < LanguageModel.Lanes; lane++)
        {
            probs[lane] /= sum;
        }

        double confidence = probs[best] * Math.Min(1, scriptShare + 0.3);
        string language = confidence < MinConfidence ? Undetermined : _model.Languages[best];
        return new Core(language, confidence, lanes, best);
    }

    private LanguageScore[] Alternatives(ReadOnlySpan<double> probs, uint lanes, int bestLane)
    {
        const int Max = 4;
        const double Floor = 0.001;
        Span<int> picked = stackalloc int[Max];
        int count = 0;
        uint remaining = lanes & ~(bestLane >= 0 ? 1u << bestLane : 0u);
        while (count < Max)
        {
            int arg = -1;
            for (uint r = remaining; r != 0; r &= r - 1)
            {
                int lane = BitOperations.TrailingZeroCount(r);
                if (arg < 0 || probs[lane] > probs[arg])
                {
                    arg = lane;
                }
            }

            if (arg < 0 || probs[arg] < Floor)
            {
                break;
            }

            picked[count++] = arg;
            remaining &= ~(1u << arg);
        }

        var result = new LanguageScore[count];
        for (int i = 0; i < count; i++)
        {
            result[i] = new LanguageScore(_model.Languages[picked[i]], Math.Round(probs[picked[i]], 4));
        }

        return result;
    }

    private readonly record struct Core(string Language, double Confidence, uint Lanes, int BestLane);

    /// <summary>Adds each known feature's cost row to per-language totals (SIMD), checking the margin after each word.</summary>
    private struct ScoreSink : IFeatureSink
    {
        private readonly LanguageModel _model;
        private readonly uint _lanes;
        private readonly int _exitUnits;
        private Vector256<ushort> _wordLo;
        private Vector256<ushort> _wordHi;
        private Vector256<uint> _t0;
        private Vector256<uint> _t1;
        private Vector256<uint> _t2;
        private Vector256<uint> _t3;
        private readonly Vector256<ushort> _blockLo;
        private readonly Vector256<ushort> _blockHi;
        private readonly Vector256<ushort> _cap;
        private readonly WordCache _cache;
        private int _words;
        private int _pendingSlot;

        public ScoreSink(LanguageModel model, uint lanes, int exitUnits, WordCache cache)
        {
            _model = model;
            _cache = cache;
            _pendingSlot = -1;
            _lanes = lanes;
            _exitUnits = exitUnits;
            Span<ushort> block = stackalloc ushort[LanguageModel.Lanes];
            for (int lane = 0; lane < block.Length; lane++)
            {
                block[lane] = (lanes & (1u << lane)) == 0 ? ushort.MaxValue : (ushort)0;
            }

            _blockLo = Vector256.Create<ushort>(block[..16]);
            _blockHi = Vector256.Create<ushort>(block[16..]);
            _cap = Vector256.Create((ushort)Math.Min(ushort.MaxValue, WordCap * model.Scale));
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool BeginWord(ReadOnlySpan<char> padded)
        {
            // A word seen recently (on this thread) adds its remembered total instead of its 10-40 features.
            int slot = _cache.Lookup(padded, out bool hit);
            if (hit)
            {
                _cache.AddTotal(slot, ref _wordLo, ref _wordHi);
                return false;
            }

            _pendingSlot = slot;
            return true;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Add(uint key, int order)
        {
            int row = _model.Find(key);
            if (row < 0)
            {
                return;
            }

            Vector256<byte> costs = Vector256.LoadUnsafe(ref _model.CostBase, (nuint)row * LanguageModel.Lanes);
            (Vector256<ushort> lo, Vector256<ushort> hi) = Vector256.Widen(costs);
            if (order == 0)
            {
                // A known whole word is worth several of its n-grams.
                lo *= WholeWordWeight;
                hi *= WholeWordWeight;
            }

            _wordLo += lo;
            _wordHi += hi;
        }

        public bool EndWord()
        {
            if (_pendingSlot >= 0)
            {
                _cache.Store(_pendingSlot, _wordLo, _wordHi);
                _pendingSlot = -1;
            }

            // One word is one vote: its costs are taken relative to its best candidate and capped, so that a single
            // long word (a loanword, a name) cannot outweigh the rest of the text.
            Vector256<ushort> lo = _wordLo | _blockLo;
            Vector256<ushort> hi = _wordHi | _blockHi;
            Vector256<ushort> both = Vector256.Min(lo, hi);
            ushort min = ushort.MaxValue;
            for (int i = 0; i < Vector256<ushort>.Count; i++)
            {
                min = Math.Min(min, both.GetElement(i));
            }

            var floor = Vector256.Create(min);
            lo = Vector256.Min(lo - floor, _cap);
            hi = Vector256.Min(hi - floor, _cap);
            (Vector256<uint> a, Vector256<uint> b) = Vector256.Widen(lo);
            (Vector256<uint> c, Vector256<uint> d) = Vector256.Widen(hi);
            _t0 += a;
            _t1 += b;
            _t2 += c;
            _t3 += d;
            _wordLo = default;
            _wordHi = default;
            _words++;
            if (_words < MinWordsBeforeExit || _exitUnits == int.MaxValue)
            {
                return true;
            }

            Span<uint> totals = stackalloc uint[LanguageModel.Lanes];
            CopyTotals(totals);
            uint best = uint.MaxValue, second = uint.MaxValue;
            for (uint r = _lanes; r != 0; r &= r - 1)
            {
                uint t = totals[BitOperations.TrailingZeroCount(r)];
                if (t < best)
                {
                    second = best;
                    best = t;
                }
                else if (t < second)
                {
                    second = t;
                }
            }

            return second - best < (uint)_exitUnits;
        }

        public readonly void CopyTotals(Span<uint> totals)
        {
            _t0.CopyTo(totals);
            _t1.CopyTo(totals[8..]);
            _t2.CopyTo(totals[16..]);
            _t3.CopyTo(totals[24..]);
        }
    }
}

/// <summary>The languages a detection may answer: trained lanes as a bit set plus script-only languages.</summary>
internal sealed class CandidateSet
{
    private readonly FrozenSet<string>? _scriptOnly;

    public CandidateSet(uint lanes, FrozenSet<string>? scriptOnly)
    {
        Lanes = lanes;
        _scriptOnly = scriptOnly;
    }

    /// <summary>Bit per model lane.</summary>
    public uint Lanes { get; }

    /// <summary>Whether a script-only language may be answered (all may when no restriction was given).</summary>
    public bool Allows(string language) => _scriptOnly is null || _scriptOnly.Contains(language);
}
