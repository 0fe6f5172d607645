using ScheduledMessages.Application.ScheduledMessages;

namespace ScheduledMessages.Unit.Application;

public sealed class MessageIdsTests
{
    private static readonly Guid Id = Guid.Parse("1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d");

    [Theory]
    [InlineData("1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d")]
    [InlineData("1A2B3C4D-5E6F-4A7B-8C9D-0E1F2A3B4C5D")]
    [InlineData("1a2b3c4d5e6f4a7b8c9d0e1f2a3b4c5d")]
    [InlineData(" 1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d ")]
    public void A_full_id_in_either_form_reads_as_that_id(string text)
    {
        Assert.True(MessageIds.TryRead(text, out var id, out var prefix));
        Assert.Equal((Id, (string?)null), (id, prefix));
    }

    [Theory]
    [InlineData("1a2b3c4d", "1a2b3c4d")]
    [InlineData("1A2B3C4D5E", "1a2b3c4d5e")]
    [InlineData("1a2b3c4d5e6f4a7b8c9d0e1f2a3b4c5", "1a2b3c4d5e6f4a7b8c9d0e1f2a3b4c5")]
    public void Eight_to_thirty_one_hex_digits_read_as_a_lower_case_prefix(string text, string expected)
    {
        Assert.True(MessageIds.TryRead(text, out var id, out var prefix));
        Assert.Equal(((Guid?)null, expected), (id, prefix));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1a2b3c4")]
    [InlineData("12345")]
    [InlineData("1a2b3c4g")]
    [InlineData("0193a1b2-3c4d-7e5f-8a9b")]
    [InlineData("all")]
    public void Anything_else_is_not_an_id(string text) =>
        Assert.False(MessageIds.TryRead(text, out _, out _));

    [Theory]
    [InlineData("1a2b3c4d", "1a2b3c4d")]
    [InlineData("1a2b3c4d5", "1a2b3c4d-5")]
    [InlineData("1a2b3c4d5e6f4", "1a2b3c4d-5e6f-4")]
    [InlineData("1a2b3c4d5e6f4a7b8c9d0e1f2a3b4c5", "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5")]
    public void A_prefix_is_hyphenated_like_the_ids_text(string prefix, string expected) =>
        Assert.Equal(expected, MessageIds.Hyphenated(prefix));

    [Fact]
    public void Every_hyphenated_prefix_is_a_prefix_of_the_ids_text()
    {
        var id = Guid.NewGuid();
        var hex = MessageIds.Compact(id);
        for (var length = MessageIds.MinPrefixLength; length < 32; length++)
        {
            Assert.StartsWith(MessageIds.Hyphenated(hex[..length]), id.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_short_form_is_the_first_eight_hex_digits() =>
        Assert.Equal("1a2b3c4d", MessageIds.ShortForm(Id));

    [Fact]
    public void Shortest_unique_prefixes_grow_only_where_ids_share_a_start()
    {
        var twinA = Guid.Parse("abcdef12-3400-4000-8000-000000000001");
        var twinB = Guid.Parse("abcdef12-3500-4000-8000-000000000002");

        var shown = MessageIds.ShortestUnique([Id, twinA, twinB]);

        Assert.Equal("1a2b3c4d", shown[Id]);
        Assert.Equal("abcdef1234", shown[twinA]);
        Assert.Equal("abcdef1235", shown[twinB]);
    }
}
