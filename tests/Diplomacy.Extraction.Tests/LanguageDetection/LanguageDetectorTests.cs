using Diplomacy.Extraction.LanguageDetection;
using Diplomacy.Extraction.Tests.Infrastructure;

namespace Diplomacy.Extraction.Tests.LanguageDetection;

public class LanguageDetectorTests
{
    private static readonly ExtractionPipeline Pipeline = ExtractionPipeline.CreateDefault();
    private static LanguageDetector Detector => LanguageDetector.Default;

    public static TheoryData<string> SeedIds() => Seeds.Ids();

    [Theory]
    [MemberData(nameof(SeedIds))]
    public void Seeds_are_english_except_004_which_is_german(string id)
    {
        Seeds.Seed seed = Seeds.Get(id);
        ExtractionResult result = Pipeline.Extract(seed.Text, Seeds.InfoFor(seed));
        Assert.Equal(id.StartsWith("004", StringComparison.Ordinal) ? "de" : "en", result.Language);
        Assert.True(result.LanguageConfidence >= 0.95, $"confidence {result.LanguageConfidence}");
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "language.undetermined");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData("12:30 - 4,500 (2024)")]
    [InlineData("!!! ??? ... --- ###")]
    [InlineData("a")]
    public void Tiny_or_letterless_input_is_undetermined(string text)
    {
        LanguageGuess guess = Detector.Detect(text, Detector.AllCandidates);
        Assert.Equal(LanguageDetector.Undetermined, guess.Language);
        Assert.True(guess.Confidence < 0.5);
    }

    [Fact]
    public void Undetermined_document_gets_a_warning_in_the_pipeline()
    {
        ExtractionResult result = Pipeline.Extract("2024-05-01 12:00");
        Assert.Equal("und", result.Language);
        Assert.Contains(result.Diagnostics, d => d.Code == "language.undetermined" && d.Severity == DiagnosticSeverity.Warning);
    }

    [Theory]
    [InlineData("Die Außenminister beider Länder trafen sich am Dienstag in Genf zu Gesprächen über die Sicherheitslage.", "de")]
    [InlineData("The foreign ministers of both countries met in Geneva on Tuesday to discuss the security situation.", "en")]
    [InlineData("Les ministres des Affaires étrangères des deux pays se sont rencontrés mardi à Genève.", "fr")]
    [InlineData("Los ministros de Asuntos Exteriores de ambos países se reunieron el martes en Ginebra.", "es")]
    [InlineData("Os ministros das Relações Exteriores dos dois países reuniram-se na terça-feira em Genebra.", "pt")]
    [InlineData("Мы обсудили вопросы безопасности и сотрудничества между нашими странами.", "ru")]
    [InlineData("Ми обговорили питання безпеки та співпраці між нашими країнами.", "uk")]
    [InlineData("Обсъдихме въпросите за сигурността и сътрудничеството между нашите държави.", "bg")]
    [InlineData("ناقش الوزيران العلاقات الثنائية والتعاون الاقتصادي خلال الاجتماع الذي عقد في جنيف.", "ar")]
    [InlineData("وزیران دو کشور درباره روابط دوجانبه و همکاری اقتصادی در این نشست گفتگو کردند.", "fa")]
    [InlineData("Razgovarali smo o sigurnosti i saradnji između naših zemalja, rekao je ministar.", "sr")]
    [InlineData("Разговарали смо о безбедности и сарадњи између наших земаља, рекао је министар.", "sr")]
    [InlineData("Председник је изјавио да ће преговори бити настављени у Београду следеће недеље.", "sr")]
    [InlineData("Vlada je usvojila novi zakon o proračunu za sljedeću godinu.", "hr")]
    public void Sentences_of_close_neighbours_are_told_apart(string text, string expected)
    {
        LanguageGuess guess = Detector.Detect(text, Detector.AllCandidates);
        Assert.Equal(expected, guess.Language);
    }

    [Theory]
    [InlineData("Καλημέρα σας", "el")]
    [InlineData("שלום לכולם", "he")]
    [InlineData("안녕하세요", "ko")]
    [InlineData("こんにちは", "ja")]
    [InlineData("नमस्ते दुनिया", "hi")]
    [InlineData("สวัสดีครับ", "th")]
    [InlineData("გამარჯობა", "ka")]
    public void A_script_used_by_one_language_decides_alone(string text, string expected)
    {
        LanguageGuess guess = Detector.Detect(text, Detector.AllCandidates);
        Assert.Equal(expected, guess.Language);
        Assert.True(guess.Confidence >= 0.9, $"confidence {guess.Confidence}");
    }

    [Theory]
    [InlineData("когда он пришел домой", "ru")]
    [InlineData("он сказал, что переговоры продолжатся", "ru")]
    [InlineData("Сутра ће бити одржан састанак министара.", "sr")]
    public void Serbian_cyrillic_needs_clear_evidence_against_russian(string text, string expected)
    {
        // Serbian Cyrillic is learned from transliterated Latin text and carries a lower prior in Cyrillic: Russian
        // words stay Russian, Serbian letters and words (ћ, ј, је) make it Serbian. (Phrases valid in both languages,
        // such as "после разговора", are genuinely ambiguous and not asserted.)
        Assert.Equal(expected, Detector.Detect(text, Detector.AllCandidates).Language);
    }

    [Fact]
    public void Text_without_its_diacritics_keeps_its_language()
    {
        Assert.Equal("es", Detector.Detect("La informacion sobre la politica economica del gobierno fue publicada el miercoles.", Detector.AllCandidates).Language);
        Assert.Equal("de", Detector.Detect("Die Aussenminister trafen sich in Genf zu Gespraechen ueber die Sicherheitslage.", Detector.AllCandidates).Language);
    }

    [Fact]
    public void A_short_text_is_read_to_the_end()
    {
        // Six English header words would trigger the early exit; a sentence-length text is read whole.
        const string text = "Connection: close Cache-Control: private Vary: Accept-Encoding O presidente da câmara anunciou hoje que as obras na ponte vão começar na próxima semana.";
        Assert.Equal("pt", Detector.Detect(text, Detector.AllCandidates).Language);
    }

    [Fact]
    public void Candidates_restrict_the_answer()
    {
        const string Dutch = "De ministers van Buitenlandse Zaken hebben dinsdag in Genève met elkaar gesproken over de veiligheid.";
        Assert.Equal("nl", Detector.Detect(Dutch, Detector.AllCandidates).Language);
        LanguageGuess restricted = Detector.Detect(Dutch, Detector.CreateCandidates(["en", "de"]));
        Assert.Contains(restricted.Language, new[] { "en", "de", "und" });
        Assert.All(restricted.Alternatives, a => Assert.Contains(a.Language, new[] { "en", "de" }));

        const string Russian = "Министры иностранных дел встретились во вторник в Женеве.";
        Assert.Equal("und", Detector.Detect(Russian, Detector.CreateCandidates(["en", "de"])).Language);

        ExtractionPipeline german = new ExtractionPipelineBuilder().UseLanguages("en", "de").Build();
        Assert.Equal("de", german.Extract("Die Gespräche wurden am Abend fortgesetzt.").Language);
    }

    [Fact]
    public void The_hint_tips_a_close_call_but_does_not_override_clear_text()
    {
        // A bare name is weak evidence: the metadata hint decides, and raises the hinted language's score.
        LanguageGuess without = Detector.Detect("Angela Merkel", Detector.AllCandidates);
        LanguageGuess with = Detector.Detect("Angela Merkel", Detector.AllCandidates, "de");
        Assert.Equal("de", with.Language);
        double before = without.Language == "de" ? without.Confidence : without.Alternatives.FirstOrDefault(a => a.Language == "de")?.Score ?? 0;
        Assert.True(with.Confidence > before);
        ExtractionResult ambiguous = Pipeline.Extract("Angela Merkel", new DocumentInfo { LanguageHint = "de" });
        Assert.Equal("de", ambiguous.Language);

        ExtractionResult clear = Pipeline.Extract(
            "The foreign ministers of both countries met in Geneva on Tuesday to discuss the security situation in the region.",
            new DocumentInfo { LanguageHint = "de" });
        Assert.Equal("en", clear.Language);
        Assert.Contains(clear.Diagnostics, d => d.Code == "language.hint-overridden");
    }

    [Fact]
    public void A_mixed_document_reports_the_paragraph_in_another_language()
    {
        string english = "The foreign ministers of both countries met in Geneva on Tuesday to discuss the security situation. "
            + "Officials said the talks were constructive and that another round would follow next month in Vienna.";
        string german = "Der Sprecher des Auswärtigen Amtes sagte, die Bundesregierung begrüße die Gespräche ausdrücklich "
            + "und hoffe auf eine baldige Einigung über die offenen Fragen.";
        string text = english + "\n\n" + german + "\n\n" + english;
        ExtractionResult result = Pipeline.Extract(text);
        Assert.Equal("en", result.Language);
        LanguageSpan span = Assert.Single(result.OtherLanguageSpans);
        Assert.Equal("de", span.Language);
        Assert.Equal(german, text.Substring(span.Span.Start, span.Span.Length));
    }

    [Fact]
    public void A_document_mostly_in_another_language_than_its_first_paragraph_takes_the_majority()
    {
        string english = "The foreign ministers of both countries met in Geneva on Tuesday to discuss the security situation in the region.";
        string german = "Der Sprecher des Auswärtigen Amtes sagte, die Bundesregierung begrüße die Gespräche ausdrücklich und hoffe auf eine baldige Einigung.";
        string text = english + "\n\n" + german + "\n\n" + german.Replace("Sprecher", "Minister", StringComparison.Ordinal) + "\n\n" + german.Replace("baldige", "schnelle", StringComparison.Ordinal);
        DocumentLanguage result = Detector.DetectDocument(text, Detector.AllCandidates);
        Assert.Equal("de", result.Main.Language);
        var other = Assert.Single(result.Others);
        Assert.Equal("en", other.Language);
        Assert.Equal(0, other.Start);
    }

    [Fact]
    public void Confidence_and_alternatives_are_a_ranked_distribution()
    {
        LanguageGuess guess = Detector.Detect("banco central", Detector.AllCandidates);
        double sum = guess.Confidence;
        double previous = guess.Confidence;
        foreach (LanguageScore alternative in guess.Alternatives)
        {
            Assert.True(alternative.Score <= previous + 1e-9);
            Assert.NotEqual(guess.Language, alternative.Language);
            previous = alternative.Score;
            sum += alternative.Score;
        }

        Assert.InRange(sum, 0.0, 1.0001);
        Assert.NotEmpty(guess.Alternatives);
    }

    [Fact]
    public void Detection_is_thread_safe_and_deterministic()
    {
        string[] texts = [.. Seeds.All.Select(s => s.Text)];
        string[] expected = [.. texts.Select(t => Detector.Detect(t, Detector.AllCandidates).Language)];
        Parallel.For(0, 200, i =>
        {
            int k = i % texts.Length;
            Assert.Equal(expected[k], Detector.Detect(texts[k], Detector.AllCandidates).Language);
        });
    }

    /// <summary>A whole article (seed 000) and a short text (which goes through the short-text layer) allocate only the result.</summary>
    [Theory]
    [InlineData("seed:000", "en")]
    [InlineData("Die Gespräche wurden am Abend in Genf fortgesetzt.", "de")]
    public void Scoring_allocates_only_the_result(string input, string expected)
    {
        string text = input.StartsWith("seed:", StringComparison.Ordinal) ? Seeds.Get(input["seed:".Length..]).Text : input;
        CandidateSet all = Detector.AllCandidates;
        _ = Detector.Detect(text, all);
        long before = GC.GetAllocatedBytesForCurrentThread();
        LanguageGuess guess = Detector.Detect(text, all);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(expected, guess.Language);
        Assert.True(allocated <= 256, $"allocated {allocated} bytes");
    }

    [Fact]
    public void The_embedded_model_is_compact_and_covers_31_languages()
    {
        using Stream stream = Diplomacy.Extraction.Resources.ResourceLoader.Open("langid.bin");
        Assert.InRange(stream.Length, 100_000, 5 * 1024 * 1024);
        LanguageModel model = LanguageModel.Read(stream);
        Assert.Equal(31, model.Languages.Length);
        Assert.Contains("en", model.Languages);
        Assert.Contains("de", model.Languages);
        Assert.True(Detector.KnownLanguages.Count > 31);
    }

    [Fact]
    public void The_embedded_model_has_a_short_text_layer_that_survives_a_round_trip()
    {
        using Stream stream = Diplomacy.Extraction.Resources.ResourceLoader.Open("langid.bin");
        LanguageModel model = LanguageModel.Read(stream);
        ShortTextRescorer layer = Assert.IsType<ShortTextRescorer>(model.Rescorer);
        using var copy = new MemoryStream();
        model.Write(copy, System.IO.Compression.CompressionLevel.Fastest);
        copy.Position = 0;
        LanguageModel again = LanguageModel.Read(copy);
        Assert.Equal(layer.Weights.ToArray(), again.Rescorer!.Weights.ToArray());
        Assert.Equal(layer.Biases.ToArray(), again.Rescorer.Biases.ToArray());
        Assert.Equal(model.Floors.ToArray(), again.Floors.ToArray());
    }

    [Fact]
    public void Short_texts_are_decided_by_the_layer_and_long_texts_by_the_n_gram_model()
    {
        using Stream stream = Diplomacy.Extraction.Resources.ResourceLoader.Open("langid.bin");
        LanguageModel model = LanguageModel.Read(stream);
        var plain = new LanguageDetector(model.WithRescorer(null));
        string article = Seeds.Get("004").Text;

        // Long text: the layer is not used (same answer and confidence with or without it).
        LanguageGuess withLayer = Detector.Detect(article, Detector.AllCandidates);
        LanguageGuess withoutLayer = plain.Detect(article, plain.AllCandidates);
        Assert.Equal(withoutLayer.Language, withLayer.Language);
        Assert.Equal(withoutLayer.Confidence, withLayer.Confidence);

        // Short text: the layer rescales the scores, so the confidence of a two-word text differs.
        const string pair = "internationale Zusammenarbeit";
        LanguageGuess shortWith = Detector.Detect(pair, Detector.AllCandidates);
        LanguageGuess shortWithout = plain.Detect(pair, plain.AllCandidates);
        Assert.Equal("de", shortWith.Language);
        Assert.NotEqual(shortWithout.Confidence, shortWith.Confidence);
    }

    [Fact]
    public void A_short_text_layer_of_the_wrong_shape_is_rejected()
    {
        Assert.Throws<InvalidDataException>(() => new ShortTextRescorer(new float[3], new float[ShortTextRescorer.Buckets * LanguageModel.Lanes]));
        float[] weights = new float[ShortTextRescorer.Buckets * LanguageModel.Lanes * ShortTextRescorer.FeatureCount];
        weights[5] = float.NaN;
        Assert.Throws<InvalidDataException>(() => new ShortTextRescorer(weights, new float[ShortTextRescorer.Buckets * LanguageModel.Lanes]));
    }

    [Fact]
    public void A_corrupt_model_is_rejected()
    {
        using var garbage = new MemoryStream([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
        Assert.ThrowsAny<Exception>(() => LanguageModel.Read(garbage));
    }
}
