namespace Diplomacy.Extraction;

/// <summary>Options of an <see cref="ExtractionPipeline"/>; validated when the pipeline is built.</summary>
public sealed record ExtractionOptions
{
    /// <summary>The default <see cref="MaxDocumentLength"/>: one million characters.</summary>
    public const int DefaultMaxDocumentLength = 1_000_000;

    /// <summary>
    /// Longer input is processed up to this many UTF-16 characters and the result says so
    /// with an <c>input.truncated</c> warning. Default <see cref="DefaultMaxDocumentLength"/>; at least 1.
    /// </summary>
    public int MaxDocumentLength { get; init; } = DefaultMaxDocumentLength;

    /// <summary>The default <see cref="MaxTokensPerSentence"/>: 250 tokens, several times the longest real news sentence.</summary>
    public const int DefaultMaxTokensPerSentence = 250;

    /// <summary>
    /// A sentence with more tokens (a table, a list without punctuation, junk) is cut into consecutive pieces of at most
    /// this many tokens, each then treated as a sentence, and the result says so with a <c>sentence.too-long</c> warning.
    /// This bounds the per-sentence work of the recognizers. Default <see cref="DefaultMaxTokensPerSentence"/>; at least 16.
    /// </summary>
    public int MaxTokensPerSentence { get; init; } = DefaultMaxTokensPerSentence;

    /// <summary>
    /// Languages (ISO 639-1) the detector may choose from; empty means all it knows. Default: empty.
    /// </summary>
    public IReadOnlyList<string> CandidateLanguages { get; init; } = [];

    /// <summary>Whether the normalizer folds typographic quotes and apostrophes to ASCII. Default <see langword="false"/>.</summary>
    public bool FoldTypographicQuotes { get; init; }

    /// <summary>
    /// Whether the normalizer removes boilerplate lines: repeated lines (a headline printed twice), page furniture
    /// (<c>Exit mobile version</c>), web error pages, disclaimers, the author byline at the end (then kept as
    /// <see cref="ExtractionResult.Byline"/>) and runs of punctuation. Each removal is reported as a diagnostic with its original span
    /// (<c>normalize.repeat</c>, <c>normalize.furniture</c>, <c>normalize.error-page</c>, <c>normalize.disclaimer</c>,
    /// <c>normalize.byline</c>, <c>normalize.punctuation-run</c>), and nothing inside removed lines is recognized.
    /// Turn it off to recognize every mention of the input, duplicates and page chrome included.
    /// Default <see langword="true"/>.
    /// </summary>
    public bool RemoveBoilerplate { get; init; } = true;

    /// <summary>
    /// A clock used as the reference date of documents that have none. Default <see langword="null"/>:
    /// such documents keep their time expressions unresolved, which is what reproducible batch runs want.
    /// </summary>
    public TimeProvider? ReferenceClock { get; init; }

    internal void Validate()
    {
        if (MaxDocumentLength < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDocumentLength), MaxDocumentLength, "MaxDocumentLength must be at least 1.");
        }

        if (MaxTokensPerSentence < 16)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxTokensPerSentence), MaxTokensPerSentence, "MaxTokensPerSentence must be at least 16.");
        }

        foreach (string language in CandidateLanguages)
        {
            if (language is null || language.Length != 2 || !char.IsAsciiLetterLower(language[0]) || !char.IsAsciiLetterLower(language[1]))
            {
                throw new ArgumentException($"CandidateLanguages must hold lower-case ISO 639-1 codes; '{language}' is not one.", nameof(CandidateLanguages));
            }
        }
    }
}
