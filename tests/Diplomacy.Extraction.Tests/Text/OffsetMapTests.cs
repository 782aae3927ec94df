using Diplomacy.Extraction.Text;

namespace Diplomacy.Extraction.Tests.Text;

public class OffsetMapTests
{
    [Fact]
    public void Identity_maps_every_position_to_itself()
    {
        OffsetMap map = OffsetMap.Identity(10);
        for (int i = 0; i <= 10; i++)
        {
            Assert.Equal(i, map.ToOriginalStart(i));
            Assert.Equal(i, map.ToOriginalEnd(i));
        }

        Assert.True(map.IsIdentity);
    }

    [Fact]
    public void Deletion_shifts_following_positions_and_spans_skip_it()
    {
        const string source = "ab\u200Bcd";
        var builder = new OffsetMapBuilder(source);
        builder.Delete(2, 3);
        (string text, OffsetMap map) = builder.Build();
        Assert.Equal("abcd", text);
        Assert.Equal(new TextSpan(0, 2), map.ToOriginal(new TextSpan(0, 2)));   // "ab"
        Assert.Equal(new TextSpan(3, 2), map.ToOriginal(new TextSpan(2, 2)));   // "cd"
        Assert.Equal(new TextSpan(0, 5), map.ToOriginal(new TextSpan(0, 4)));   // all, including the deleted char
    }

    [Fact]
    public void Replacement_maps_to_the_whole_original_range()
    {
        const string source = "x &amp; y";
        var builder = new OffsetMapBuilder(source);
        builder.Replace(2, 7, "&");
        (string text, OffsetMap map) = builder.Build();
        Assert.Equal("x & y", text);
        Assert.Equal(new TextSpan(2, 5), map.ToOriginal(new TextSpan(2, 1)));
        Assert.Equal(new TextSpan(8, 1), map.ToOriginal(new TextSpan(4, 1)));
        Assert.Equal("y", source.Substring(map.ToOriginal(new TextSpan(4, 1)).Start, 1));
    }

    [Fact]
    public void Expansion_maps_interior_positions_to_the_replaced_range()
    {
        const string source = "a\u00E6b";
        var builder = new OffsetMapBuilder(source);
        builder.Replace(1, 2, "ae");
        (string text, OffsetMap map) = builder.Build();
        Assert.Equal("aaeb", text);
        Assert.Equal(new TextSpan(1, 1), map.ToOriginal(new TextSpan(2, 1)));   // the inserted 'e'
        Assert.Equal(new TextSpan(2, 1), map.ToOriginal(new TextSpan(3, 1)));   // "b"
    }

    [Fact]
    public void Insertion_maps_to_an_empty_original_position()
    {
        const string source = "nations.Among";
        var builder = new OffsetMapBuilder(source);
        builder.Insert(8, " ");
        (string text, OffsetMap map) = builder.Build();
        Assert.Equal("nations. Among", text);
        Assert.Equal(new TextSpan(8, 5), map.ToOriginal(new TextSpan(9, 5)));
        Assert.Equal(new TextSpan(0, 13), map.ToOriginal(new TextSpan(0, 14)));
    }

    [Fact]
    public void Same_length_replacements_record_no_edit()
    {
        var builder = new OffsetMapBuilder("a\u00A0b");
        builder.Replace(1, 2, " ");
        (string text, OffsetMap map) = builder.Build();
        Assert.Equal("a b", text);
        Assert.Equal(0, map.EditCount);
    }

    [Fact]
    public void Adjacent_edits_merge()
    {
        var builder = new OffsetMapBuilder("abcdef");
        builder.Delete(1, 2);
        builder.Delete(2, 3);
        builder.Build();
        var b2 = new OffsetMapBuilder("abcdef");
        b2.Delete(1, 2);
        b2.Delete(2, 3);
        Assert.Equal(1, b2.Build().Map.EditCount);
    }

    [Fact]
    public void Adjacent_replacements_keep_the_boundary_between_their_outputs()
    {
        // "&#8217;&amp;" -> "’&": the first output character maps to the first entity, the second to the second
        const string text = "x&#8217;&amp;y";
        var builder = new OffsetMapBuilder(text);
        builder.Replace(1, 8, "\u2019");
        builder.Replace(8, 13, "&");
        (string normalized, OffsetMap map) = builder.Build();
        Assert.Equal("x\u2019&y", normalized);
        Assert.Equal(2, map.EditCount);
        Assert.Equal(new TextSpan(1, 7), map.ToOriginal(new TextSpan(1, 1)));
        Assert.Equal(new TextSpan(8, 5), map.ToOriginal(new TextSpan(2, 1)));
        Assert.True(map.ToOriginal(new TextSpan(0, 2)).End <= map.ToOriginal(new TextSpan(2, 2)).Start, "spans on either side of the boundary overlap");
    }

    [Fact]
    public void Unchanged_text_is_returned_as_the_same_instance()
    {
        const string source = "plain";
        (string text, _) = new OffsetMapBuilder(source).Build();
        Assert.Same(source, text);
    }

    [Fact]
    public void Maps_chain_through_two_steps()
    {
        const string original = "A\u200B &amp; B";
        var first = new OffsetMapBuilder(original);
        first.Delete(1, 2);
        (string step1, OffsetMap map1) = first.Build();
        Assert.Equal("A &amp; B", step1);
        var second = new OffsetMapBuilder(step1);
        second.Replace(2, 7, "&");
        (string step2, OffsetMap map2) = second.Build(map1);
        Assert.Equal("A & B", step2);
        Assert.Equal(new TextSpan(3, 5), map2.ToOriginal(new TextSpan(2, 1)));
        Assert.Equal("B", original.Substring(map2.ToOriginal(new TextSpan(4, 1)).Start, 1));
        Assert.Equal(original.Length, map2.OriginalLength);
    }

    [Fact]
    public void Random_edits_round_trip_every_kept_character()
    {
        var random = new Random(42);
        for (int round = 0; round < 500; round++)
        {
            string source = RandomText(random, random.Next(0, 120));
            var builder = new OffsetMapBuilder(source);
            var kept = new List<(int Original, int Normalized)>();
            int pos = 0;
            while (pos < source.Length)
            {
                int choice = random.Next(10);
                if (choice < 6)
                {
                    kept.Add((pos, builder.OutputLength + (pos - builder.SourcePosition)));
                    pos++;
                    continue;
                }

                int len = Math.Min(random.Next(0, 4), source.Length - pos);
                string replacement = new('#', random.Next(0, 4));
                builder.Replace(pos, pos + len, replacement);
                pos += len;
            }

            (string text, OffsetMap map) = builder.Build();
            Assert.Equal(source.Length, map.OriginalLength);
            Assert.Equal(text.Length, map.NormalizedLength);
            foreach ((int original, int normalized) in kept)
            {
                Assert.Equal(source[original], text[normalized]);
                TextSpan back = map.ToOriginal(new TextSpan(normalized, 1));
                Assert.Equal(new TextSpan(original, 1), back);
            }

            // any span maps inside the original, in order
            for (int s = 0; s <= text.Length; s++)
            {
                int e = random.Next(s, text.Length + 1);
                TextSpan o = map.ToOriginal(TextSpan.FromBounds(s, e));
                Assert.InRange(o.Start, 0, source.Length);
                Assert.InRange(o.End, o.Start, source.Length);
            }
        }
    }

    private static string RandomText(Random random, int length)
    {
        var chars = new char[length];
        for (int i = 0; i < length; i++)
        {
            chars[i] = (char)random.Next('a', 'z' + 1);
        }

        return new string(chars);
    }
}
