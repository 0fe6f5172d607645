using ScheduledMessages.Bot.Commands;

namespace ScheduledMessages.Unit.Bot;

public sealed class CallbackDataTests
{
    [Fact]
    public void Data_joins_key_and_parts_with_colons_and_splits_back()
    {
        var data = CallbackData.Create("lc", "0123456789abcdef", "2", "text:\"a:b\"");

        Assert.Equal("lc:0123456789abcdef:2:text:\"a:b\"", data);
        Assert.True(CallbackData.TryParse(data, out var key, out var payload));
        Assert.Equal("lc", key);
        Assert.Equal(["0123456789abcdef", "2", "text:\"a:b\""], CallbackData.Split(payload, 3));
    }

    [Fact]
    public void Data_over_64_bytes_is_not_made()
    {
        Assert.NotNull(CallbackData.Create("l", new string('x', 62)));
        Assert.Null(CallbackData.Create("l", new string('x', 63)));

        // Bytes, not characters: each of these is two bytes in UTF-8.
        Assert.Null(CallbackData.Create("l", new string('é', 32)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(":payload")]
    public void Data_without_a_key_is_not_read(string? data) =>
        Assert.False(CallbackData.TryParse(data, out _, out _));
}
