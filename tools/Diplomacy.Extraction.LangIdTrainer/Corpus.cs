using System.Globalization;

namespace Diplomacy.Extraction.LangIdTrainer;

/// <summary>One row of SOURCES.tsv.</summary>
internal sealed record SourceRow(string Language, int FirstLine, int LastLine, string Repository, string Commit, string Path, string Split, string License, bool Commercial, string Note);

/// <summary>One language of LANGUAGES.tsv with its commercial-use line ranges.</summary>
internal sealed record CorpusLanguage(string Code, string File, IReadOnlyList<(int First, int Last)> CommercialRanges, string Sources);

/// <summary>The training corpus description: which lines of which file may be used.</summary>
internal sealed class Corpus
{
    private Corpus(string dir, IReadOnlyList<CorpusLanguage> languages, IReadOnlyList<SourceRow> sources)
    {
        Directory = dir;
        Languages = languages;
        Sources = sources;
    }

    public string Directory { get; }

    public IReadOnlyList<CorpusLanguage> Languages { get; }

    public IReadOnlyList<SourceRow> Sources { get; }

    public static Corpus Load(string dir)
    {
        string languagesPath = Path.Combine(dir, "LANGUAGES.tsv");
        string sourcesPath = Path.Combine(dir, "SOURCES.tsv");
        if (!File.Exists(languagesPath) || !File.Exists(sourcesPath))
        {
            throw new FileNotFoundException($"LANGUAGES.tsv / SOURCES.tsv not found in {dir}; pass --data DIR.");
        }

        var languages = new List<CorpusLanguage>();
        foreach (string[] row in ReadTsv(languagesPath))
        {
            // lang file lines bytes capped commercial_use_lines non_commercial_lines licenses treebanks
            languages.Add(new CorpusLanguage(row[0], row[1], ParseRanges(row[5]), row[8]));
        }

        var sources = new List<SourceRow>();
        foreach (string[] row in ReadTsv(sourcesPath))
        {
            // lang first_line last_line lines repo commit path split license commercial_use sentences_in_file note
            if (row[1].Length == 0)
            {
                continue; // a source that contributed no lines
            }

            sources.Add(new SourceRow(row[0], Int(row[1]), Int(row[2]), row[4], row[5], row[6], row[7], row[8], row[9] == "yes", row.Length > 11 ? row[11] : ""));
        }

        // Every commercial-use line must come from a source marked commercial: never train on NC text.
        foreach (CorpusLanguage language in languages)
        {
            foreach ((int first, int last) in language.CommercialRanges)
            {
                for (int line = first; line <= last; line++)
                {
                    bool ok = false;
                    foreach (SourceRow s in sources)
                    {
                        if (s.Language == language.Code && s.FirstLine <= line && line <= s.LastLine)
                        {
                            ok = s.Commercial;
                            break;
                        }
                    }

                    if (!ok)
                    {
                        throw new InvalidDataException($"{language.Code} line {line} is in the commercial range but its source is not marked commercial.");
                    }
                }
            }
        }

        return new Corpus(dir, languages, sources);
    }

    /// <summary>The commercial-use lines of a language, in file order.</summary>
    public IEnumerable<string> CommercialLines(CorpusLanguage language)
    {
        int number = 0;
        foreach (string line in File.ReadLines(Path.Combine(Directory, language.File)))
        {
            number++;
            foreach ((int first, int last) in language.CommercialRanges)
            {
                if (number >= first && number <= last)
                {
                    yield return line;
                    break;
                }
            }
        }
    }

    private static List<(int, int)> ParseRanges(string text)
    {
        var ranges = new List<(int, int)>();
        foreach (string part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int dash = part.IndexOf('-', StringComparison.Ordinal);
            if (dash > 0)
            {
                ranges.Add((Int(part[..dash]), Int(part[(dash + 1)..])));
            }
        }

        return ranges;
    }

    private static int Int(string s) => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);

    private static IEnumerable<string[]> ReadTsv(string path)
    {
        bool header = true;
        foreach (string line in File.ReadLines(path))
        {
            if (header)
            {
                header = false;
                continue;
            }

            if (line.Length > 0)
            {
                yield return line.Split('\t');
            }
        }
    }
}
