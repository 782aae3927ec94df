using System.Globalization;
using System.Text.Json;
using Diplomacy.Extraction.Resources;

namespace Diplomacy.Extraction.Entities;

/// <summary>The identifiers names link to: states, places, regions, organizations, people, roles (from <c>Resources/entities/kb.json</c>).</summary>
internal sealed class KnowledgeBase
{
    private readonly Dictionary<string, int> _states = new(StringComparer.Ordinal);
    private readonly Dictionary<long, int> _places = [];
    private readonly Dictionary<string, int> _regions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _organizations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _people = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _roles = new(StringComparer.Ordinal);
    private readonly List<RoleInfo> _roleList = [];

    private KnowledgeBase(StateInfo[] states, PlaceInfo[] places, string[][] placeAltNames, RegionInfo[] regions, OrganizationInfo[] organizations, PersonInfo[] people)
    {
        States = states;
        Places = places;
        PlaceAltNames = placeAltNames;
        Regions = regions;
        Organizations = organizations;
        People = people;
        for (int i = 0; i < states.Length; i++)
        {
            _states[states[i].Code] = i;
        }

        for (int i = 0; i < places.Length; i++)
        {
            _places[places[i].GeonamesId] = i;
        }

        for (int i = 0; i < regions.Length; i++)
        {
            _regions.TryAdd(regions[i].Name, i);
        }

        for (int i = 0; i < organizations.Length; i++)
        {
            _organizations[organizations[i].Code] = i;
        }

        for (int i = 0; i < people.Length; i++)
        {
            _people[people[i].Id] = i;
        }
    }

    public StateInfo[] States { get; }

    public PlaceInfo[] Places { get; }

    public string[][] PlaceAltNames { get; }

    public RegionInfo[] Regions { get; }

    public OrganizationInfo[] Organizations { get; }

    public PersonInfo[] People { get; }

    public IReadOnlyList<RoleInfo> Roles => _roleList;

    public int StateIndex(string code) => _states.TryGetValue(code, out int i) ? i : throw Corrupt("state", code);

    public int PlaceIndex(long id) => _places.TryGetValue(id, out int i) ? i : throw Corrupt("place", id.ToString(CultureInfo.InvariantCulture));

    public int RegionIndex(string name) => _regions.TryGetValue(name, out int i) ? i : throw Corrupt("region", name);

    public int OrganizationIndex(string code) => _organizations.TryGetValue(code, out int i) ? i : throw Corrupt("organization", code);

    public int PersonIndex(string id) => _people.TryGetValue(id, out int i) ? i : throw Corrupt("person", id);

    /// <summary>The index of a role, adding it on first use (roles are defined by the language files).</summary>
    public int RoleIndex(string canonical)
    {
        if (!_roles.TryGetValue(canonical, out int i))
        {
            i = _roleList.Count;
            _roles[canonical] = i;
            _roleList.Add(new RoleInfo(canonical));
        }

        return i;
    }

    /// <summary>The state index of a country code, or -1.</summary>
    public int TryStateIndex(string? code) => code is not null && _states.TryGetValue(code, out int i) ? i : -1;

    public static KnowledgeBase Load()
    {
        using Stream stream = ResourceLoader.Open("entities.kb.json");
        using JsonDocument doc = JsonDocument.Parse(stream);
        JsonElement root = doc.RootElement;

        var states = new List<StateInfo>();
        foreach (JsonElement s in root.GetProperty("states").EnumerateArray())
        {
            states.Add(new StateInfo(s[0].GetString()!, s[2].GetString()!, s[3].ValueKind == JsonValueKind.Number ? s[3].GetInt64() : null));
        }

        var places = new List<PlaceInfo>();
        var alts = new List<string[]>();
        foreach (JsonElement p in root.GetProperty("places").EnumerateArray())
        {
            int flags = p[6].GetInt32();
            places.Add(new PlaceInfo(p[0].GetInt64(), p[1].GetString()!, p[2].GetString()!, p[3].GetDouble(), p[4].GetDouble(), p[5].GetInt64(), (flags & 1) != 0, (flags & 2) != 0));
            var names = new List<string>();
            foreach (JsonElement a in p[7].EnumerateArray())
            {
                names.Add(a.GetString()!);
            }

            alts.Add([.. names]);
        }

        var regions = new List<RegionInfo>();
        foreach (JsonElement r in root.GetProperty("regions").EnumerateArray())
        {
            regions.Add(new RegionInfo(r[0].GetString()!, r[1].GetString()));
        }

        var orgs = new List<OrganizationInfo>();
        foreach (JsonElement o in root.GetProperty("orgs").EnumerateArray())
        {
            orgs.Add(new OrganizationInfo(o[0].GetString()!, o[1].GetString()!, o[2].GetString(), o[4].GetInt32() != 0));
        }

        var people = new List<PersonInfo>();
        foreach (JsonElement p in root.GetProperty("people").EnumerateArray())
        {
            string name = p[1].GetString()!;
            int space = name.LastIndexOf(' ');
            people.Add(new PersonInfo(p[0].GetString()!, name, p[2].GetString(), p[4].GetString(), space < 0 ? name : name[(space + 1)..]));
        }

        return new KnowledgeBase([.. states], [.. places], [.. alts], [.. regions], [.. orgs], [.. people]);
    }

    private static InvalidDataException Corrupt(string what, string key) =>
        new($"The entity gazetteer refers to an unknown {what} '{key}'.");
}
