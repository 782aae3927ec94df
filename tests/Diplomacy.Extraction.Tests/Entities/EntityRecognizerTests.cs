using Diplomacy.Extraction.Entities;

namespace Diplomacy.Extraction.Tests.Entities;

public sealed class EntityRecognizerTests
{
    private static readonly ExtractionPipeline Pipeline = ExtractionPipeline.CreateDefault();

    private static readonly ExtractionPipeline KeepingBoilerplate = new ExtractionPipelineBuilder().Configure(o => o with { RemoveBoilerplate = false }).Build();

    private static IReadOnlyList<EntityMention> Find(string text, string? language = "en") =>
        Pipeline.Extract(text, new DocumentInfo { LanguageHint = language }).Entities;

    private static EntityMention Single(IReadOnlyList<EntityMention> found, string text) =>
        Assert.Single(found, e => e.Text == text);

    [Fact]
    public void Person_with_role_and_state_adjective()
    {
        var found = Find("Russian Foreign Minister Sergey Lavrov said on Monday that talks would go on.");
        Assert.Equal("RUS", Single(found, "Russian").Code);
        Assert.Equal(EntityType.Role, Single(found, "Foreign Minister").Type);
        EntityMention lavrov = Single(found, "Sergey Lavrov");
        Assert.Equal(EntityType.Person, lavrov.Type);
        Assert.Equal("sergey-lavrov", lavrov.Code);
        Assert.Equal("Foreign Minister", lavrov.Role);
        Assert.Equal("RUS", lavrov.CountryCode);
    }

    [Fact]
    public void Kremlin_is_a_metonym_and_spokesperson_a_role()
    {
        var found = Find("Kremlin spokesperson Dmitry Peskov told reporters.");
        Assert.Equal(("RUS", EntityType.State), (Single(found, "Kremlin").Code, Single(found, "Kremlin").Type));
        Assert.Equal("Spokesperson", Single(found, "spokesperson").Role);
        EntityMention peskov = Single(found, "Dmitry Peskov");
        Assert.Equal("dmitry-peskov", peskov.Code);
        Assert.Equal("Spokesperson", peskov.Role);
    }

    [Fact]
    public void German_deputy_minister_with_transliterated_name_resolves_to_the_canonical_person()
    {
        var found = Find("Wie der stellvertretende russische Außenminister Sergej Rjabkow erklärte, sollen die Gespräche im Herbst stattfinden.", "de");
        Assert.Equal("RUS", Single(found, "russische").Code);
        Assert.Equal("Deputy Foreign Minister", Single(found, "Außenminister").Role);
        EntityMention ryabkov = Single(found, "Sergej Rjabkow");
        Assert.Equal(("sergey-ryabkov", "Sergey Ryabkov"), (ryabkov.Code, ryabkov.Canonical));
        Assert.Equal("Deputy Foreign Minister", ryabkov.Role);
    }

    [Theory]
    [InlineData("Lawrow traf Rubio in Riad.", "Lawrow", "sergey-lavrov")]
    [InlineData("Die Äußerungen Rjabkows deuten darauf hin.", "Rjabkows", "sergey-ryabkov")]
    [InlineData("Kremlsprecher Dmitri Peskow sagte das.", "Dmitri Peskow", "dmitry-peskov")]
    [InlineData("Maria Sacharowa kritisierte die Entscheidung.", "Maria Sacharowa", "maria-zakharova")]
    public void German_transliterations_are_generated_by_rule(string text, string mention, string id) =>
        Assert.Equal(id, Single(Find(text, "de"), mention).Code);

    [Fact]
    public void Possessives_keep_the_name()
    {
        var found = Find("Lavrov’s announcement came after NATO's summit and Russia’s warning.");
        Assert.Equal("sergey-lavrov", Single(found, "Lavrov").Code);
        Assert.Equal("NATO", Single(found, "NATO").Code);
        Assert.Equal("RUS", Single(found, "Russia").Code);
    }

    [Theory]
    [InlineData("en", "the state of U.S.-Russia relations", "U.S.", "Russia")]
    [InlineData("en", "a new Russia-US meeting", "Russia", "US")]
    [InlineData("de", "die Russland-USA-Gespräche gehen weiter", "Russland", "USA")]
    public void Both_states_are_found_inside_hyphenated_compounds(string language, string text, string first, string second)
    {
        var states = Find(text, language).Where(e => e.Type == EntityType.State).ToList();
        Assert.Equal([first, second], states.Select(s => s.Text));
        Assert.Equal(text.IndexOf(first, StringComparison.Ordinal), states[0].Span.Start);
    }

    [Fact]
    public void Capitals_as_actors_are_states_and_after_in_are_places()
    {
        var found = Find("Moscow and Washington agreed to meet again in Moscow next month.");
        Assert.Equal(EntityType.State, found[0].Type);
        Assert.Equal("RUS", found[0].Code);
        Assert.Equal(("Washington", "USA", EntityType.State), (found[1].Text, found[1].Code, found[1].Type));
        EntityMention place = found[2];
        Assert.Equal((EntityType.Place, "RUS", 524901L), (place.Type, place.CountryCode, place.GeonamesId));
        Assert.NotNull(place.Latitude);
    }

    [Theory]
    [InlineData("Die Gespräche finden in Genf statt.", "Genf", "CHE", 2660646L)]
    [InlineData("Die Delegation reiste nach Kiew.", "Kiew", "UKR", 703448L)]
    [InlineData("Die Außenminister trafen sich in Istanbul.", "Istanbul", "TUR", 745044L)]
    public void German_exonyms_link_to_geonames(string text, string mention, string country, long id)
    {
        EntityMention e = Single(Find(text, "de"), mention);
        Assert.Equal((EntityType.Place, country, id), (e.Type, e.CountryCode, e.GeonamesId));
    }

    [Fact]
    public void Generic_ministry_takes_its_country_from_the_possessive_and_keeps_it()
    {
        var found = Find("The talks will be managed by Russia’s Ministry of Foreign Affairs. He said the Foreign Ministry would lead.");
        var orgs = found.Where(e => e.Type == EntityType.Organization).ToList();
        Assert.Equal(2, orgs.Count);
        Assert.All(orgs, o => Assert.Equal("RUS-MFA", o.Code));
    }

    [Theory]
    [InlineData("The State Department said.", "State Department", "USA-DOS")]
    [InlineData("Das Auswärtige Amt teilte mit.", "Auswärtige Amt", "DEU-MFA")]
    [InlineData("According to TASS and Reuters.", "TASS", "TASS")]
    [InlineData("Anadolu Agency reported.", "Anadolu Agency", "AA")]
    public void Organizations_have_codes(string text, string mention, string code) =>
        Assert.Equal(code, Single(Find(text, text.Contains("Amt", StringComparison.Ordinal) ? "de" : "en"), mention).Code);

    [Fact]
    public void City_comma_region_of_another_country_is_not_the_capital()
    {
        EntityMention paris = Single(Find("He grew up in Paris, Texas, and moved away."), "Paris");
        Assert.Equal((EntityType.Place, "USA"), (paris.Type, paris.CountryCode));
        Assert.Null(paris.GeonamesId);
    }

    [Fact]
    public void Georgia_is_resolved_by_context_or_left_ambiguous()
    {
        Assert.Equal("GEO", Single(Find("Officials in Tbilisi said Georgia wants talks."), "Georgia").Code);
        EntityMention us = Single(Find("Voters in Atlanta said Georgia will decide."), "Georgia");
        Assert.Equal((EntityType.Place, "USA"), (us.Type, us.CountryCode));
        EntityMention open = Single(Find("Georgia wants talks."), "Georgia");
        Assert.Null(open.Code);
        Assert.Null(open.CountryCode);
    }

    [Fact]
    public void Unknown_people_are_found_from_role_and_name_shape()
    {
        var found = Find("White House spokesman John Kirby said the meeting was useful.");
        Assert.Equal("USA", Single(found, "White House").Code);
        EntityMention kirby = Single(found, "John Kirby");
        Assert.Equal(EntityType.Person, kirby.Type);
        Assert.Null(kirby.Code);
        Assert.Equal("Spokesperson", kirby.Role);

        // A given name and a capitalized word, then the bare surname. Written as an author byline at the end, which the
        // normalizer removes by default (kept as ExtractionResult.Byline), so the recognizer is run with removal off.
        const string Byline = "The talks ended.\n\nMiles Cooper\n\nA journalism entrepreneur. Cooper wrote it.";
        var people = KeepingBoilerplate.Extract(Byline, new DocumentInfo { LanguageHint = "en" }).Entities.Where(e => e.Type == EntityType.Person).ToList();
        Assert.Equal(["Miles Cooper", "Cooper"], people.Select(e => e.Text));
        Assert.All(people, p => Assert.Null(p.Code));

        ExtractionResult removed = Pipeline.Extract(Byline, new DocumentInfo { LanguageHint = "en" });
        Assert.Contains("Miles Cooper", removed.Byline, StringComparison.Ordinal);
        Assert.DoesNotContain(removed.Entities, e => e.Type == EntityType.Person);

        // The same name shape in running text is found with the default options.
        var inText = Find("The talks ended, and Miles Cooper wrote about them. Cooper said little.");
        Assert.Equal(["Miles Cooper", "Cooper"], inText.Where(e => e.Type == EntityType.Person).Select(e => e.Text));
    }

    [Fact]
    public void Headline_words_are_not_people_or_places()
    {
        var found = Find("Key Diplomatic Challenges Faced by Officials\n\nForeign Minister Calls for Engagement");
        Assert.DoesNotContain(found, e => e.Type is EntityType.Person or EntityType.Place);
    }

    [Fact]
    public void Junk_symbols_between_words_do_not_hide_names()
    {
        var found = Find("talks between\u28a0 Russia\u28a3 and the United States in Eastern\u28a3 Europe");
        Assert.Contains(found, e => e.Code == "RUS");
        Assert.Contains(found, e => e.Code == "USA");
        Assert.Contains(found, e => e.Canonical == "Eastern Europe");
    }

    [Fact]
    public void Acronyms_are_case_sensitive()
    {
        Assert.DoesNotContain(Find("let us talk about it"), e => e.Type == EntityType.State);
        Assert.Equal("USA", Single(Find("the US said"), "US").Code);
    }

    [Fact]
    public void Undetermined_language_uses_both_languages()
    {
        var found = Find("Russland und die USA", null);
        Assert.Equal(["RUS", "USA"], found.Select(e => e.Code));
    }

    [Fact]
    public void Recognizing_allocates_nothing_per_token()
    {
        EntityRecognizer recognizer = EntityRecognizer.Default;
        long Measure(int repeat)
        {
            string text = string.Concat(Enumerable.Repeat("the weather was calm and nothing much happened today. ", repeat));
            var tokens = new List<Diplomacy.Extraction.Text.Token>();
            foreach (var t in Diplomacy.Extraction.Text.Tokenizer.Enumerate(text))
            {
                tokens.Add(t);
            }

            var output = new List<RecognizedEntity>();
            Diplomacy.Extraction.Text.Token[] array = [.. tokens];
            recognizer.Recognize(text, array, "en", output);
            long before = GC.GetAllocatedBytesForCurrentThread();
            recognizer.Recognize(text, array, "en", output);
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        long small = Measure(10);
        long large = Measure(1000);
        Assert.True(large - small < 1024, $"allocations grow with the text: {small} B for 10 sentences, {large} B for 1000");
    }
}
