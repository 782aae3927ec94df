using System.Globalization;
using Diplomacy.Extraction.Dates;
using Diplomacy.Extraction.Entities;
using Diplomacy.Extraction.Pipeline;
using Diplomacy.Extraction.Text;

namespace Diplomacy.Extraction.Events;

/// <summary>
/// Turns an article into <see cref="DiplomaticEvent"/>s: finds trigger mentions, reads status, round, participants,
/// place and time around each, groups the mentions of one real meeting into one event (a numbered or "next" round is
/// another event), and reads the agenda, the topics said to be off it, and who announced it.
/// All knowledge of words comes from <see cref="EventLexicon"/>; this class holds only the logic.
/// </summary>
internal static class EventFrameBuilder
{
    private const int StatusWindow = 10;
    private const int TimeWindow = 8;
    private const int LocationWindow = 10;
    private const int AttributionWindow = 8;
    private const int ExclusionWindow = 7;
    private const int ListLikeMaxTokens = 16;

    /// <summary>This many sport or business words make a document a sports or business report.</summary>
    private const int NonDiplomaticDocumentCues = 4;

    public static List<DiplomaticEvent> Build(DocumentContext context)
    {
        EventLexicon lexicon = EventLexicon.For(context.Language);
        string text = context.Normalized;
        if (!MentionsAnyTrigger(text, context.Tokens, lexicon))
        {
            return []; // most news is not about meetings: one cheap pass decides
        }

        // a sports or business report: "Deutschland trifft Ecuador" is a match, not a meeting
        if (CountNonDiplomatic(text, context.Tokens, lexicon) >= NonDiplomaticDocumentCues)
        {
            return [];
        }

        List<SentenceView> sentences = BuildSentences(context, lexicon);
        var mentions = new List<Mention>();
        foreach (SentenceView s in sentences)
        {
            context.Work.Add(s.Tokens.Length);
            FindMentions(text, s, lexicon, mentions);
        }

        // an article about a meeting has at least one plain trigger ("talks", "met"); a lone "second round" is sport
        var events = new List<DiplomaticEvent>();
        if (!mentions.Exists(m => m.CanFound && !m.Weak))
        {
            return events;
        }

        SortedSet<string> main = MainParticipants(mentions);
        List<List<Mention>> buckets = Group(mentions, main);
        AssignAgenda(text, sentences, lexicon, mentions, buckets, out Dictionary<List<Mention>, List<TopicMention>> topics, out Dictionary<List<Mention>, List<TopicMention>> excluded, context);
        foreach (List<Mention> bucket in buckets)
        {
            DiplomaticEvent e = Assemble(context, lexicon, bucket, main, topics[bucket], excluded[bucket], buckets);

            // a diplomatic contact has at least two parties; a company's board meeting has none
            if (e.Participants.Count >= 2)
            {
                events.Add(e);
            }
        }

        events.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        for (int i = 0; i < events.Count; i++)
        {
            events[i] = events[i] with { Id = string.Create(CultureInfo.InvariantCulture, $"{context.Info.Id}#{i + 1}") };
        }

        return events;
    }

    private static int CountNonDiplomatic(string text, List<Token> tokens, EventLexicon lexicon)
    {
        ReadOnlySpan<Token> all = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tokens);
        int count = 0;
        for (int i = 0; i < all.Length; i++)
        {
            if (all[i].Kind == TokenKind.Word && lexicon.NonDiplomaticCues.TryMatch(text, all, i, out int len, out _))
            {
                count++;
                i += len - 1;
            }
        }

        return count;
    }

    private static bool MentionsAnyTrigger(string text, List<Token> tokens, EventLexicon lexicon)
    {
        ReadOnlySpan<Token> all = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tokens);
        for (int i = 0; i < all.Length; i++)
        {
            if (all[i].Kind == TokenKind.Word && lexicon.Triggers.TryMatch(text, all, i, out _, out _))
            {
                return true;
            }
        }

        return false;
    }

    private static List<SentenceView> BuildSentences(DocumentContext context, EventLexicon lexicon)
    {
        string text = context.Normalized;
        var result = new List<SentenceView>(context.Sentences.Count);
        List<Token> all = context.Tokens;
        int t = 0;
        bool offSection = false;
        var tokens = new List<Token>(64); // one scratch list; each sentence keeps an exact-size copy
        for (int si = 0; si < context.Sentences.Count; si++)
        {
            TextSpan span = context.Sentences[si];
            while (t < all.Count && all[t].Start < span.Start)
            {
                t++;
            }

            tokens.Clear();
            while (t < all.Count && all[t].Start < span.End)
            {
                if (!all[t].IsBreak)
                {
                    tokens.Add(all[t]);
                }

                t++;
            }

            if (tokens.Count == 0)
            {
                continue;
            }

            context.Work.Add(tokens.Count);
            var view = new SentenceView { Index = result.Count, Span = span, Tokens = [.. tokens] };
            Classify(text, view, lexicon, ref offSection);
            result.Add(view);
        }

        AttachEntities(context, result);
        AttachTimes(context, result);
        return result;
    }

    private static void Classify(string text, SentenceView s, EventLexicon lexicon, ref bool offSection)
    {
        Token[] tokens = s.Tokens;
        Token last = tokens[^1];
        char lastChar = text[last.End - 1];
        bool terminal = last.Kind == TokenKind.Punctuation && CharClass.SentenceFinal.Contains(lastChar);
        bool hasPipe = text.AsSpan(s.Span.Start, s.Span.Length).Contains('|');
        char firstChar = text[tokens[0].Start];
        bool bullet = tokens[0].Kind is TokenKind.Punctuation or TokenKind.Symbol && firstChar is '\u2022' or '-' or '*' or '\u2013' or '\u00B7' or '\u25AA' or '\u25CF';
        s.IntroducesList = lastChar == ':';
        s.IsListLike = bullet || hasPipe || tokens.Length <= ListLikeMaxTokens;

        // a section heading: no final punctuation, short, mostly capitalized, with function words or a colon (unlike a table header)
        if (!terminal && !s.IntroducesList && !hasPipe && !bullet && tokens.Length <= 16)
        {
            int words = 0, capitalized = 0;
            bool functionWord = false, colon = false;
            for (int i = 0; i < tokens.Length; i++)
            {
                Token tok = tokens[i];
                if (tok.Kind == TokenKind.Word)
                {
                    words++;
                    if (tok.Has(TokenFlags.Capitalized) || tok.Has(TokenFlags.AllUpper))
                    {
                        capitalized++;
                    }

                    functionWord |= lexicon.HeadingFunctionWords.TryMatch(text, tokens, i, out _, out _);
                }
                else if (text[tok.Start] == ':')
                {
                    colon = true;
                }
            }

            bool offCue = OffCueAtStart(text, tokens, lexicon);
            if (words >= 2 && capitalized * 2 >= words && (functionWord || colon || offCue))
            {
                s.IsSectionHeading = true;
                offSection = offCue;
            }
        }

        s.OffAgendaSection = offSection;
        s.SetSource(text, lexicon); // the phrase scans run on first use: most sentences never need them
    }

    /// <summary>Marks the tokens an exclusion cue governs, up to the end of its clause.</summary>
    internal static bool[] ExclusionScope(string text, Token[] tokens, EventLexicon lexicon)
    {
        var scope = new bool[tokens.Length];
        if (!lexicon.ExclusionContext.Any(text, tokens))
        {
            return scope;
        }

        for (int i = 0; i < tokens.Length; i++)
        {
            if (lexicon.ExclusionBefore.TryMatch(text, tokens, i, out int len, out _))
            {
                for (int k = i + len; k < tokens.Length && k < i + len + ExclusionWindow && !IsClauseEnd(text, tokens[k]); k++)
                {
                    scope[k] = true;
                }
            }
            else if (lexicon.ExclusionAfter.TryMatch(text, tokens, i, out _, out _))
            {
                for (int k = i - 1; k >= 0 && k >= i - ExclusionWindow && !IsClauseEnd(text, tokens[k]); k--)
                {
                    scope[k] = true;
                }
            }
        }

        return scope;
    }

    private static bool IsClauseEnd(string text, Token token) =>
        token.Kind == TokenKind.Punctuation && text[token.Start] is ',' or ';' or '.' or ':';

    /// <summary>Whether one of the first two words of a heading names a commentary section.</summary>
    private static bool OffCueAtStart(string text, Token[] tokens, EventLexicon lexicon)
    {
        int seen = 0;
        for (int i = 0; i < tokens.Length && seen < 2; i++)
        {
            if (tokens[i].Kind != TokenKind.Word)
            {
                continue;
            }

            seen++;
            if (lexicon.OffAgendaSections.TryMatch(text, tokens, i, out _, out _))
            {
                return true;
            }
        }

        return false;
    }

    internal static bool IsHypothetical(string text, Token[] tokens, EventLexicon lexicon)
    {
        for (int i = 0; i < tokens.Length; i++)
        {
            // modal verbs are lower case; "May" inside a sentence is the month
            if (i > 0 && char.IsUpper(text[tokens[i].Start]))
            {
                continue;
            }

            if (lexicon.Hypothetical.TryMatch(text, tokens, i, out _, out _))
            {
                return true;
            }
        }

        return false;
    }

    private static void AttachEntities(DocumentContext context, List<SentenceView> sentences)
    {
        for (int e = 0; e < context.Entities.Count && e < context.EntitySpans.Count; e++)
        {
            TextSpan span = context.EntitySpans[e];
            SentenceView? s = Containing(sentences, span);
            if (s is not null && TokenRange(s.Tokens, span, out int start, out int end))
            {
                s.Entities.Add(new EntityRef(context.Entities[e], span, start, end));
            }
        }
    }

    private static void AttachTimes(DocumentContext context, List<SentenceView> sentences)
    {
        for (int e = 0; e < context.TimeExpressions.Count && e < context.TimeExpressionSpans.Count; e++)
        {
            TextSpan span = context.TimeExpressionSpans[e];
            SentenceView? s = Containing(sentences, span);
            if (s is not null && TokenRange(s.Tokens, span, out int start, out int end))
            {
                s.Times.Add(new TimeRef(context.TimeExpressions[e], span, start, end));
            }
        }
    }

    private static SentenceView? Containing(List<SentenceView> sentences, TextSpan span)
    {
        int lo = 0, hi = sentences.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >> 1;
            TextSpan s = sentences[mid].Span;
            if (span.Start < s.Start)
            {
                hi = mid - 1;
            }
            else if (span.Start >= s.End)
            {
                lo = mid + 1;
            }
            else
            {
                return sentences[mid];
            }
        }

        return null;
    }

    private static bool TokenRange(Token[] tokens, TextSpan span, out int start, out int end)
    {
        start = -1;
        end = -1;
        for (int i = 0; i < tokens.Length; i++)
        {
            if (start < 0 && tokens[i].End > span.Start)
            {
                start = i;
            }

            if (tokens[i].Start < span.End)
            {
                end = i + 1;
            }
        }

        return start >= 0 && end > start;
    }

    private static void FindMentions(string text, SentenceView s, EventLexicon lexicon, List<Mention> mentions)
    {
        Token[] tokens = s.Tokens;
        for (int i = 0; i < tokens.Length; i++)
        {
            if (tokens[i].Kind != TokenKind.Word || !lexicon.Triggers.TryMatch(text, tokens, i, out int length, out int payload))
            {
                continue;
            }

            if (InsideEntity(s, i))
            {
                continue; // "Summit Hotel", a trigger word inside a name
            }

            // "meet demand", "met with criticism"; "Entscheidungen getroffen" (a veto may also end at the trigger)
            if (lexicon.TriggerVetoes.TryMatch(text, tokens, i, out _, out _) || (i > 0 && VetoEndsAt(text, tokens, i, lexicon)))
            {
                i += length - 1;
                continue;
            }

            var m = new Mention
            {
                Sentence = s,
                TriggerToken = i,
                TriggerLength = length,
                Kind = EventLexicon.KindOf(payload),
                Weak = EventLexicon.IsWeak(payload),
            };
            mentions.Add(m);
            s.Mentions.Add(m);
            i += length - 1;
        }

        // read each mention once all triggers of the sentence are known: cues belong to their nearest trigger
        bool nonDiplomatic = s.Mentions.Count > 0 && lexicon.NonDiplomaticCues.Any(text, tokens);
        foreach (Mention m in s.Mentions)
        {
            ReadModifiers(text, m, lexicon);
            m.Generic |= nonDiplomatic;
            m.Status = ReadStatus(text, m, lexicon, out int statusDistance);
            m.StatusDistance = statusDistance;
            ReadAgents(text, m, lexicon);
            ReadParticipantsAndPlaces(text, m, lexicon);
        }

        // a place belongs to the trigger it is closest to ("the first meeting took place in Istanbul, and the next round ...")
        foreach (Mention m in s.Mentions)
        {
            m.Locations.RemoveAll(e => !m.IsNearestTo(e.TokenStart, e.TokenEnd - e.TokenStart));
        }
    }

    private static bool VetoEndsAt(string text, Token[] tokens, int trigger, EventLexicon lexicon)
    {
        for (int start = Math.Max(0, trigger - 2); start < trigger; start++)
        {
            if (lexicon.TriggerVetoes.TryMatch(text, tokens, start, out int len, out _) && start + len - 1 == trigger)
            {
                return true;
            }
        }

        return false;
    }

    private static bool InsideEntity(SentenceView s, int token)
    {
        foreach (EntityRef e in s.Entities)
        {
            if (token >= e.TokenStart && token < e.TokenEnd && e.Mention.Type is EntityType.Organization or EntityType.Place)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Round markers and generic modifiers right before the trigger ("second meeting", "regular meetings").</summary>
    private static void ReadModifiers(string text, Mention m, EventLexicon lexicon)
    {
        Token[] tokens = m.Sentence.Tokens;
        for (int back = 1; back <= 2; back++)
        {
            int i = m.TriggerToken - back;
            if (i < 0 || tokens[i].Kind != TokenKind.Word || tokens[i].Has(TokenFlags.Apostrophe) && tokens[i].Length <= 2)
            {
                break;
            }

            if (m.Round == 0 && lexicon.Rounds.TryMatch(text, tokens, i, out int len, out int round) && i + len <= m.TriggerToken)
            {
                m.Round = round;
            }

            if (lexicon.GenericModifiers.TryMatch(text, tokens, i, out _, out _))
            {
                m.Generic = true;
            }
        }
    }

    private static EventStatus? ReadStatus(string text, Mention m, EventLexicon lexicon, out int decidingDistance)
    {
        Token[] tokens = m.Sentence.Tokens;
        EventStatus? best = null;
        int bestDistance = int.MaxValue;
        EventStatus? terminal = null;
        int terminalDistance = int.MaxValue;
        for (int i = 0; i < tokens.Length; i++)
        {
            if (!lexicon.Status.TryMatch(text, tokens, i, out int len, out int payload))
            {
                continue;
            }

            var status = (EventStatus)payload;
            int distance = m.Distance(i, len);
            if (!m.IsNearestTo(i, len))
            {
                i += len - 1;
                continue; // the cue belongs to another trigger of the sentence
            }

            if (status is EventStatus.Cancelled or EventStatus.Postponed)
            {
                // "the talks, scheduled for next week in Berlin, have been postponed": the whole clause
                if (terminal is null)
                {
                    terminal = status;
                    terminalDistance = distance;
                }
            }
            else if (distance <= StatusWindow && (distance < bestDistance || (distance == bestDistance && status != EventStatus.Proposed)))
            {
                best = status;
                bestDistance = distance;
            }

            i += len - 1;
        }

        decidingDistance = terminal is null ? bestDistance : terminalDistance;
        return terminal ?? best;
    }

    /// <summary>Finds who speaks in the sentence ("Lavrov said", "according to TASS"): they announce, they do not take part.</summary>
    private static void ReadAgents(string text, Mention m, EventLexicon lexicon)
    {
        SentenceView s = m.Sentence;
        Token[] tokens = s.Tokens;
        for (int i = 0; i < tokens.Length; i++)
        {
            // cue words are lower case inside a sentence ("the United States" is no "states"), and never part of a name
            if ((i > 0 && char.IsUpper(text[tokens[i].Start])) || InsideAnyEntity(s, i))
            {
                continue;
            }

            if (lexicon.AttributionVerbs.TryMatch(text, tokens, i, out _, out _))
            {
                int from = i;
                while (from > 0 && i - from < AttributionWindow && !IsClauseEnd(text, tokens[from - 1]))
                {
                    from--;
                }

                EntityRef? agent = BestAgent(text, s, from, i, preferLast: true, lexicon);
                if (agent is not null)
                {
                    m.Agents.Add(agent);
                }
            }
            else if (lexicon.AttributionPrepositions.TryMatch(text, tokens, i, out int len, out _))
            {
                int to = i + len;
                while (to < tokens.Length && to - i - len < AttributionWindow && !IsClauseEnd(text, tokens[to]))
                {
                    to++;
                }

                EntityRef? agent = BestAgent(text, s, i + len, to, preferLast: false, lexicon);
                if (agent is not null)
                {
                    m.Agents.Add(agent);
                }
            }
        }
    }

    private static bool InsideAnyEntity(SentenceView s, int token)
    {
        foreach (EntityRef e in s.Entities)
        {
            if (token >= e.TokenStart && token < e.TokenEnd)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The speaker among the entities in <c>[from, to)</c>: a person, an organization, or a state followed by a body ("U.S. officials").</summary>
    private static EntityRef? BestAgent(string text, SentenceView s, int from, int to, bool preferLast, EventLexicon lexicon)
    {
        EntityRef? best = null;
        int bestRank = int.MaxValue;
        foreach (EntityRef e in s.Entities)
        {
            if (e.TokenStart < from || e.TokenEnd > to)
            {
                continue;
            }

            int rank = e.Mention.Type switch
            {
                EntityType.Person => 0,
                EntityType.Organization => 1,
                EntityType.State when e.TokenEnd < s.Tokens.Length && lexicon.BodyNouns.TryMatch(text, s.Tokens, e.TokenEnd, out _, out _) => 2,
                _ => 9,
            };
            if (rank < bestRank || (rank == bestRank && preferLast))
            {
                best = e;
                bestRank = rank;
            }
        }

        return bestRank <= 2 ? best : null;
    }

    private static void ReadParticipantsAndPlaces(string text, Mention m, EventLexicon lexicon)
    {
        SentenceView s = m.Sentence;
        foreach (EntityRef e in s.Entities)
        {
            if (e.Mention.Type is not (EntityType.State or EntityType.Place or EntityType.Person))
            {
                continue;
            }

            if (e.Mention.Type != EntityType.Person && AfterLocativePreposition(text, s, e, lexicon, out bool blocked))
            {
                // "in Turkey" is where, not who; "the situation in Ukraine" is neither
                if (!blocked && m.Distance(e.TokenStart, e.TokenEnd - e.TokenStart) <= LocationWindow)
                {
                    m.Locations.Add(e);
                }

                continue;
            }

            if (e.Mention.Type == EntityType.Place)
            {
                continue;
            }

            if (m.Agents.Contains(e) || s.ExclusionScope[e.TokenStart])
            {
                continue;
            }

            if (e.Mention.Type == EntityType.State && e.Mention.Code is { } code && IsActor(text, s, e, lexicon))
            {
                m.States.Add(code);
            }
            else if (e.Mention.Type == EntityType.Person && e.Mention.CountryCode is { } affiliation)
            {
                m.States.Add(affiliation);
            }
        }
    }

    /// <summary>"in Istanbul", "in the Turkish city": a place after a locative preposition; blocked after "the situation in".</summary>
    private static bool AfterLocativePreposition(string text, SentenceView s, EntityRef e, EventLexicon lexicon, out bool blocked)
    {
        blocked = false;
        Token[] tokens = s.Tokens;
        int p = e.TokenStart - 1;
        if (p >= 0 && tokens[p].Kind == TokenKind.Word && tokens[p].Length <= 3 && !lexicon.LocationPrepositions.TryMatch(text, tokens, p, out _, out _))
        {
            p--; // an article between: "in the Turkish city", "in der Türkei"
        }

        if (p < 0 || !lexicon.LocationPrepositions.TryMatch(text, tokens, p, out _, out _))
        {
            return false;
        }

        blocked = p > 0 && lexicon.LocationBlockers.TryMatch(text, tokens, p - 1, out _, out _);
        return true;
    }

    /// <summary>A possessive state is an actor only before a body ("Russia's Ministry"), not before "position" or "expansion".</summary>
    private static bool IsActor(string text, SentenceView s, EntityRef e, EventLexicon lexicon)
    {
        Token[] tokens = s.Tokens;
        int next = e.TokenEnd;
        if (next >= tokens.Length || !IsPossessive(text, tokens[next]))
        {
            return true;
        }

        for (int i = next + 1; i <= next + 3 && i < tokens.Length; i++)
        {
            if (lexicon.PossessiveActors.TryMatch(text, tokens, i, out _, out _))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsPossessive(string text, Token token) =>
        token.Length == 2 && (text[token.Start] is '\'' or '\u2019') && (text[token.Start + 1] | 0x20) == 's';

    private static SortedSet<string> MainParticipants(List<Mention> mentions)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (Mention m in mentions)
        {
            if (!m.CanFound)
            {
                continue;
            }

            foreach (string code in m.States)
            {
                if (!counts.TryGetValue(code, out int c))
                {
                    order.Add(code);
                }

                counts[code] = c + 1;
            }
        }

        order.Sort((a, b) => counts[b] != counts[a] ? counts[b].CompareTo(counts[a]) : 0);
        var main = new SortedSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < order.Count && main.Count < 2; i++)
        {
            main.Add(order[i]);
        }

        // a third party as frequent as the second one takes part too (trilateral talks)
        if (order.Count > 2 && counts[order[2]] >= Math.Max(2, counts[order[1]] * 4 / 5))
        {
            main.Add(order[2]);
        }

        return main;
    }

    /// <summary>Groups mentions into events: one per participant set and round.</summary>
    private static List<List<Mention>> Group(List<Mention> mentions, SortedSet<string> main)
    {
        var byParticipants = new Dictionary<string, List<Mention>>(StringComparer.Ordinal);
        var keys = new List<string>();
        string mainKey = string.Join(',', main);
        foreach (Mention m in mentions)
        {
            string key = mainKey;
            if (m.States.Count >= 2 && !m.States.IsSubsetOf(main))
            {
                if (!m.CanFound && !byParticipants.ContainsKey(string.Join(',', m.States)))
                {
                    continue; // a side remark about other parties
                }

                key = string.Join(',', m.States);
            }

            if (!byParticipants.TryGetValue(key, out List<Mention>? list))
            {
                byParticipants[key] = list = [];
                keys.Add(key);
            }

            list.Add(m);
        }

        var result = new List<List<Mention>>();
        foreach (string key in keys)
        {
            foreach (List<Mention> bucket in SplitRounds(byParticipants[key]))
            {
                if (bucket.Exists(m => m.CanFound))
                {
                    result.Add(bucket);
                }
            }
        }

        return result;
    }

    private static List<List<Mention>> SplitRounds(List<Mention> mentions)
    {
        int maxNumbered = 0;
        foreach (Mention m in mentions)
        {
            if (m.Round is > 0 and < EventLexicon.NextRound)
            {
                maxNumbered = Math.Max(maxNumbered, m.Round);
            }
        }

        // "the next round" is the highest numbered round, or round 2 after a first one
        var buckets = new SortedDictionary<int, List<Mention>>();
        var unmarked = new List<Mention>();
        foreach (Mention m in mentions)
        {
            int round = m.Round;
            if (round == EventLexicon.NextRound && maxNumbered > 0)
            {
                round = Math.Max(maxNumbered, 2);
            }

            if (round == 0)
            {
                unmarked.Add(m);
                continue;
            }

            if (!buckets.TryGetValue(round, out List<Mention>? list))
            {
                buckets[round] = list = [];
            }

            list.Add(m);
        }

        if (buckets.Count == 0)
        {
            return [unmarked];
        }

        List<Mention>? earlier = buckets.TryGetValue(1, out List<Mention>? first) ? first : null;
        List<Mention> later = buckets[buckets.Keys.Max()];
        List<Mention>? current = earlier is null ? [] : null;
        List<Mention> past = earlier ?? current!;

        // the article's focus: the past meeting when unmarked mentions mostly report it, else the coming one
        int pastVotes = 0, futureVotes = 0;
        foreach (Mention m in unmarked)
        {
            if (m.Votes && m.Status is EventStatus.Held or EventStatus.Ongoing)
            {
                pastVotes++;
            }
            else if (m.Votes && m.Status is EventStatus.Planned or EventStatus.Proposed)
            {
                futureVotes++;
            }
        }

        // a report that something took place is a fact; future cues are often speculation, so they count half
        bool pastFocus = pastVotes > 0 && 2 * pastVotes >= futureVotes;
        foreach (Mention m in unmarked)
        {
            bool isPast = m.Votes && m.Status is EventStatus.Held or EventStatus.Ongoing;
            bool isFuture = m.Votes && m.Status is EventStatus.Planned or EventStatus.Proposed;

            // a future cue right at the trigger ("upcoming talks", "will meet") points to the coming round
            if (isPast)
            {
                past.Add(m);
            }
            else if (isFuture && (m.StatusDistance <= 3 || !pastFocus || ReferenceEquals(later, earlier)))
            {
                later.Add(m);
            }
            else
            {
                (pastFocus ? past : later).Add(m);
            }
        }

        var result = new List<List<Mention>>();
        if (current is { Count: > 0 } && current.Exists(x => x.CanFound))
        {
            result.Add(current);
        }

        result.AddRange(buckets.Values);
        if (result.Count == 0)
        {
            return [unmarked];
        }

        foreach (List<Mention> b in result)
        {
            b.Sort((x, y) => x.Sentence.Span.Start != y.Sentence.Span.Start
                ? x.Sentence.Span.Start.CompareTo(y.Sentence.Span.Start)
                : x.TriggerToken.CompareTo(y.TriggerToken));
        }

        return result;
    }

    private static void AssignAgenda(
        string text,
        List<SentenceView> sentences,
        EventLexicon lexicon,
        List<Mention> mentions,
        List<List<Mention>> buckets,
        out Dictionary<List<Mention>, List<TopicMention>> topics,
        out Dictionary<List<Mention>, List<TopicMention>> excluded,
        DocumentContext context)
    {
        topics = [];
        excluded = [];
        var bucketOf = new Dictionary<Mention, List<Mention>>();
        foreach (List<Mention> b in buckets)
        {
            topics[b] = [];
            excluded[b] = [];
            foreach (Mention m in b)
            {
                bucketOf[m] = b;
            }
        }

        // the event a sentence talks about: the one mentioned in it, else the nearest one before it
        var sentenceBucket = new List<Mention>?[sentences.Count];
        List<Mention>? lastSeen = null;
        int mi = 0;
        var ordered = new List<Mention>(mentions);
        ordered.Sort((a, b) => a.Sentence.Index.CompareTo(b.Sentence.Index));
        foreach (SentenceView s in sentences)
        {
            List<Mention>? here = null;
            while (mi < ordered.Count && ordered[mi].Sentence.Index == s.Index)
            {
                if (bucketOf.TryGetValue(ordered[mi], out List<Mention>? b) && (here is null || ordered[mi].CanFound))
                {
                    here = b;
                }

                mi++;
            }

            if (here is not null)
            {
                lastSeen = here;
            }

            sentenceBucket[s.Index] = here ?? lastSeen ?? buckets[0];
        }

        bool inList = false;
        foreach (SentenceView s in sentences)
        {
            bool relevant = !s.OffAgendaSection && !s.OffAgendaSentence && !s.IsSectionHeading;
            bool mentionHere = false;
            foreach (Mention m in s.Mentions)
            {
                if (bucketOf.ContainsKey(m) && !s.Hypothetical)
                {
                    mentionHere = true;
                    break;
                }
            }

            bool listItem = inList && s.IsListLike;
            s.IsAgenda = relevant && (s.HasAgendaCue || mentionHere || listItem);
            if (s.IsSectionHeading)
            {
                inList = false;
            }
            else if (relevant && (s.IntroducesList || (s.IsListLike && s.HasAgendaCue)) && (s.HasAgendaCue || mentionHere || HasTrigger(text, s, lexicon)))
            {
                inList = true;
            }
            else if (!s.IsListLike)
            {
                inList = false;
            }

            List<Mention> bucket = sentenceBucket[s.Index]!;
            var excludedTokens = new HashSet<int>();
            ReadExclusions(text, s, lexicon, excluded[bucket], excludedTokens, context);
            if (s.IsAgenda)
            {
                ReadTopics(text, s, lexicon, topics[bucket], excludedTokens, context);
            }
        }
    }

    private static bool HasTrigger(string text, SentenceView s, EventLexicon lexicon) => lexicon.Triggers.Any(text, s.Tokens);

    private static void ReadTopics(string text, SentenceView s, EventLexicon lexicon, List<TopicMention> into, HashSet<int> skip, DocumentContext context)
    {
        Token[] tokens = s.Tokens;
        for (int i = 0; i < tokens.Length; i++)
        {
            if (skip.Contains(i) || InsideName(s, i))
            {
                continue;
            }

            if (lexicon.Topics.TryMatch(text, tokens, i, out int len, out int payload))
            {
                Add(into, (DiplomaticTopic)payload, TextSpan.FromBounds(tokens[i].Start, tokens[i + len - 1].End), context);
                i += len - 1;
                continue;
            }

            if (tokens[i].Has(TokenFlags.Hyphenated))
            {
                ReadOnlySpan<char> word = tokens[i].In(text);
                foreach (Range part in word.Split('-'))
                {
                    if (lexicon.Topics.TryMatchWord(word[part], out int p))
                    {
                        Add(into, (DiplomaticTopic)p, tokens[i].Span, context);
                    }
                }
            }
        }
    }

    /// <summary>"The Times of Israel" names a newspaper, not the Middle East.</summary>
    private static bool InsideName(SentenceView s, int token)
    {
        foreach (EntityRef e in s.Entities)
        {
            if (token >= e.TokenStart && token < e.TokenEnd && e.Mention.Type is EntityType.Organization or EntityType.Person)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Topics inside the scope of an exclusion cue (computed with the sentence) are off the agenda.</summary>
    private static void ReadExclusions(string text, SentenceView s, EventLexicon lexicon, List<TopicMention> into, HashSet<int> excludedTokens, DocumentContext context)
    {
        Token[] tokens = s.Tokens;
        for (int k = 0; k < tokens.Length; k++)
        {
            if (!s.ExclusionScope[k] || !lexicon.Topics.TryMatch(text, tokens, k, out int len, out int payload))
            {
                continue;
            }

            Add(into, (DiplomaticTopic)payload, TextSpan.FromBounds(tokens[k].Start, tokens[k + len - 1].End), context);
            for (int j = k; j < k + len; j++)
            {
                excludedTokens.Add(j);
            }

            k += len - 1;
        }
    }

    private static void Add(List<TopicMention> into, DiplomaticTopic topic, TextSpan normalized, DocumentContext context)
    {
        foreach (TopicMention t in into)
        {
            if (t.Topic == topic)
            {
                return;
            }
        }

        into.Add(new TopicMention(topic, context.ToOriginal(normalized), context.Normalized.Substring(normalized.Start, normalized.Length)));
    }

    private static DiplomaticEvent Assemble(
        DocumentContext context,
        EventLexicon lexicon,
        List<Mention> bucket,
        SortedSet<string> main,
        List<TopicMention> topics,
        List<TopicMention> excludedTopics,
        List<List<Mention>> all)
    {
        string text = context.Normalized;
        Mention lead = bucket.Find(m => m.CanFound) ?? bucket[0];
        var evidence = new List<EventEvidence>();
        void Evidence(string field, SentenceView s)
        {
            TextSpan original = context.ToOriginal(s.Span);
            evidence.Add(new EventEvidence(field, original, text.Substring(s.Span.Start, s.Span.Length)));
        }

        Evidence("event", lead.Sentence);

        // participants
        var codes = new SortedSet<string>(StringComparer.Ordinal);
        bool mainKey = true;
        foreach (Mention m in bucket)
        {
            if (m.States.Count >= 2 && !m.States.IsSubsetOf(main))
            {
                codes.UnionWith(m.States);
                mainKey = false;
            }
        }

        if (mainKey)
        {
            codes.UnionWith(main);
        }

        // a visit's host takes part: "Putin visited Beijing"
        if (lead.Kind == EventKind.Visit)
        {
            foreach (Mention m in bucket)
            {
                foreach (EntityRef e in m.Locations)
                {
                    if ((e.Mention.Type == EntityType.State ? e.Mention.Code : e.Mention.CountryCode) is { } host)
                    {
                        codes.Add(host);
                    }
                }
            }
        }

        var names = StateNames(context);
        var participants = new List<EventParticipant>();
        foreach (string code in codes)
        {
            participants.Add(new EventParticipant(code, names.GetValueOrDefault(code, code), EntityType.State));
        }

        // status
        EventStatus? status = null;
        Mention? statusMention = null;
        foreach (Mention m in bucket)
        {
            if (m.Votes && m.Status is { } s && (status is null || Rank(s) > Rank(status.Value)))
            {
                status = s;
                statusMention = m;
            }
        }

        // time: the most precise expression close to a trigger
        TimeRef? time = null;
        SentenceView? timeSentence = null;
        foreach (Mention m in bucket)
        {
            foreach (TimeRef t in m.Sentence.Times)
            {
                if (t.Expression.Type == TimeExpressionType.Duration || m.Distance(t.TokenStart, t.TokenEnd - t.TokenStart) > TimeWindow || !m.IsNearestTo(t.TokenStart, t.TokenEnd - t.TokenStart))
                {
                    continue;
                }

                if (t.Expression.Granularity is TimeGranularity.Year || (t.Expression.Resolved && t.Expression.Start is { } ts && t.Expression.End is { } te && te.DayNumber - ts.DayNumber > 120))
                {
                    continue;
                }

                if (time is null || Better(t.Expression, time.Expression))
                {
                    time = t;
                    timeSentence = m.Sentence;
                }
            }
        }

        if (status is null)
        {
            DateOnly? reference = context.ReferenceDate;
            status = time?.Expression is { Resolved: true, End: { } end } && reference is { } r && end < r ? EventStatus.Held : EventStatus.Planned;
        }

        if (statusMention is not null)
        {
            Evidence("status", statusMention.Sentence);
        }

        EventTime? eventTime = null;
        if (time is not null)
        {
            TimeExpression x = time.Expression;
            eventTime = new EventTime(x.Text, x.Start, x.End, x.Timex, x.Granularity, x.Resolved, x.Span);
            Evidence("time", timeSentence!);
        }

        // location: a city if any, else a country
        EventLocation? location = null;
        var placeVotes = new Dictionary<string, (int Count, EntityRef First, SentenceView Sentence)>(StringComparer.Ordinal);
        foreach (Mention m in bucket)
        {
            foreach (EntityRef e in m.Locations)
            {
                string key = (e.Mention.Type == EntityType.Place ? "P:" : "S:") + (e.Mention.Canonical ?? e.Mention.Text);
                placeVotes[key] = placeVotes.TryGetValue(key, out var v) ? (v.Count + 1, v.First, v.Sentence) : (1, e, m.Sentence);
            }
        }

        (int Count, EntityRef First, SentenceView Sentence)? bestPlace = null;
        foreach ((string key, var v) in placeVotes)
        {
            bool city = key.StartsWith("P:", StringComparison.Ordinal);
            bool bestIsCity = bestPlace is { } bp && bp.First.Mention.Type == EntityType.Place;
            if (bestPlace is null || (city && !bestIsCity) || (city == bestIsCity && v.Count > bestPlace.Value.Count))
            {
                bestPlace = v;
            }
        }

        if (bestPlace is { } place)
        {
            EntityMention e = place.First.Mention;
            location = e.Type == EntityType.Place
                ? new EventLocation(e.Canonical ?? e.Text, e.CountryCode, e.GeonamesId, e.Text, e.Span)
                : new EventLocation(null, e.Code, null, e.Text, e.Span);
            Evidence("location", place.Sentence);
        }

        // announcer and people
        string? announcedBy = null;
        int announcerRank = int.MaxValue;
        SentenceView? announcerSentence = null;
        var people = new List<EventPerson>();
        var seenPeople = new HashSet<string>(StringComparer.Ordinal);
        foreach (Mention m in bucket)
        {
            foreach (EntityRef agent in m.Agents)
            {
                int rank = agent.Mention.Type switch { EntityType.Person => 0, EntityType.Organization => 1, _ => 2 };
                string? name = AgentName(text, m.Sentence, agent, lexicon);
                if (name is not null && rank < announcerRank)
                {
                    announcedBy = name;
                    announcerRank = rank;
                    announcerSentence = m.Sentence;
                }
            }

            if (!m.Votes)
            {
                continue;
            }

            foreach (EntityRef e in m.Sentence.Entities)
            {
                if (e.Mention.Type == EntityType.Person && !m.Agents.Contains(e))
                {
                    string name = e.Mention.Canonical ?? e.Mention.Text;
                    if (seenPeople.Add(name))
                    {
                        people.Add(new EventPerson(name, e.Mention.Role, e.Mention.CountryCode));
                    }
                }
            }
        }

        if (announcerSentence is not null)
        {
            Evidence("announcedBy", announcerSentence);
        }

        // kind: the most frequent among the mentions that found events
        var kindCounts = new int[Enum.GetValues<EventKind>().Length];
        foreach (Mention m in bucket)
        {
            if (m.CanFound)
            {
                kindCounts[(int)m.Kind]++;
            }
        }

        EventKind kind = lead.Kind;
        for (int k = 0; k < kindCounts.Length; k++)
        {
            if (kindCounts[k] > kindCounts[(int)kind])
            {
                kind = (EventKind)k;
            }
        }

        // round
        int? round = null;
        foreach (Mention m in bucket)
        {
            if (m.Round is > 0 and < EventLexicon.NextRound)
            {
                round = m.Round;
                Evidence("round", m.Sentence);
                break;
            }
        }

        if (round is null && bucket.Exists(m => m.Round == EventLexicon.NextRound) && all.Exists(b => !ReferenceEquals(b, bucket) && b.Exists(m => m.Round == 1)))
        {
            round = 2;
        }

        var finalTopics = new List<TopicMention>();
        foreach (TopicMention t in topics)
        {
            if (!excludedTopics.Exists(x => x.Topic == t.Topic))
            {
                finalTopics.Add(t);
            }
        }

        int founding = bucket.Count(m => m.CanFound);
        double confidence = Math.Min(0.95, 0.45 + (0.12 * Math.Min(3, founding)) + (time is not null ? 0.05 : 0) + (location is not null ? 0.05 : 0) + (statusMention is not null ? 0.05 : 0));
        (string? cameo, PloverCode? plover) = Codes(kind, status.Value, location, codes);
        return new DiplomaticEvent
        {
            DocumentId = context.Info.Id,
            ReferenceDate = context.ReferenceDate,
            Language = context.Language,
            Kind = kind,
            Status = status.Value,
            Participants = participants,
            People = people,
            Location = location,
            Time = eventTime,
            Topics = finalTopics,
            ExcludedTopics = excludedTopics,
            AnnouncedBy = announcedBy,
            Round = round,
            Cameo = cameo,
            Plover = plover,
            Evidence = evidence,
            Confidence = Math.Round(confidence, 2),
            Span = context.ToOriginal(lead.Sentence.Span),
        };
    }

    private static int Rank(EventStatus s) => s switch
    {
        EventStatus.Cancelled => 6,
        EventStatus.Postponed => 5,
        EventStatus.Held => 4,
        EventStatus.Ongoing => 3,
        EventStatus.Planned => 2,
        _ => 1,
    };

    private static bool Better(TimeExpression candidate, TimeExpression current)
    {
        if (candidate.Resolved != current.Resolved)
        {
            return candidate.Resolved;
        }

        int Length(TimeExpression x) => x.Start is { } s && x.End is { } e ? e.DayNumber - s.DayNumber : int.MaxValue;
        return Length(candidate) < Length(current);
    }

    private static string? AgentName(string text, SentenceView s, EntityRef agent, EventLexicon lexicon)
    {
        EntityMention e = agent.Mention;
        if (e.Type is EntityType.Person or EntityType.Organization)
        {
            return e.Canonical ?? e.Text;
        }

        // a state speaks through a body: "the U.S. government", "U.S. officials"
        if (agent.TokenEnd < s.Tokens.Length && lexicon.BodyNouns.TryMatch(text, s.Tokens, agent.TokenEnd, out int len, out _))
        {
            Token last = s.Tokens[agent.TokenEnd + len - 1];
            return text[agent.NormalizedSpan.Start..last.End];
        }

        return null;
    }

    private static Dictionary<string, string> StateNames(DocumentContext context)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (EntityMention e in context.Entities)
        {
            if (e.Type == EntityType.State && e.Code is { } code && e.Canonical is { } name)
            {
                names.TryAdd(code, name);
            }
        }

        return names;
    }

    private static (string? Cameo, PloverCode? Plover) Codes(EventKind kind, EventStatus status, EventLocation? location, SortedSet<string> participants)
    {
        string? mode = kind switch
        {
            EventKind.PhoneCall => "phone",
            EventKind.Visit => "visit",
            _ when location?.CountryCode is { } c && !participants.Contains(c) => "third-party",
            _ when location?.CountryCode is not null => "visit",
            _ => null,
        };
        var plover = new PloverCode("CONSULT", mode);
        string? cameo = status switch
        {
            EventStatus.Planned or EventStatus.Proposed or EventStatus.Postponed => "036",
            EventStatus.Cancelled => null,
            _ => kind switch
            {
                EventKind.Negotiation => "046",
                EventKind.PhoneCall => "041",
                EventKind.Visit => "042",
                _ when mode == "third-party" => "044",
                _ when mode == "visit" => "042",
                _ => "040",
            },
        };
        return (cameo, plover);
    }
}
