using System.Reflection;

namespace Diplomacy.Extraction.Tests.Entities;

/// <summary>The attribution the gazetteer's sources require ships inside the assembly.</summary>
public sealed class GazetteerNoticeTests
{
    [Fact]
    public void Entity_notice_is_embedded_with_the_required_attributions()
    {
        Assembly assembly = typeof(ExtractionPipeline).Assembly;
        using Stream? stream = assembly.GetManifestResourceStream("Diplomacy.Extraction.Resources.entities.NOTICE.txt");
        Assert.NotNull(stream);
        string notice = new StreamReader(stream).ReadToEnd();

        // GeoNames (CC BY 4.0): attribution, licence link and a statement of the changes.
        Assert.Contains("Contains data from GeoNames (https://www.geonames.org), licensed under CC BY 4.0", notice, StringComparison.Ordinal);
        Assert.Contains("https://creativecommons.org/licenses/by/4.0/", notice, StringComparison.Ordinal);
        Assert.Contains("Changes:", notice, StringComparison.Ordinal);

        // Unicode CLDR (Unicode License v3): the copyright and permission notice must accompany the data.
        Assert.Contains("UNICODE LICENSE V3", notice, StringComparison.Ordinal);
        Assert.Contains("Copyright © ", notice, StringComparison.Ordinal);

        // MIT packages: their copyright lines and the permission text.
        Assert.Contains("widdix GmbH", notice, StringComparison.Ordinal);
        Assert.Contains("Permission is hereby granted", notice, StringComparison.Ordinal);
    }
}
