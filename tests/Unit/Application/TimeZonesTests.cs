using ScheduledMessages.Application.Common;

namespace ScheduledMessages.Unit.Application;

public sealed class TimeZonesTests
{
    [Theory]
    [InlineData("Europe/Berlin", "Europe/Berlin")]
    [InlineData(" europe/BERLIN ", "Europe/Berlin")]
    [InlineData("America/Los Angeles", "America/Los_Angeles")]
    public void Known_ids_are_found_forgivingly(string input, string expected) =>
        Assert.Equal(expected, TimeZones.Find(input)!.Id);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Mars/Olympus_Mons")]
    public void Unknown_ids_are_not_found(string? input) => Assert.Null(TimeZones.Find(input));

    [Theory]
    [InlineData("Berlin", "Europe/Berlin")]
    [InlineData("Europe/Londn", "Europe/London")]
    [InlineData("tokio", "Asia/Tokyo")]
    public void A_near_miss_suggests_the_intended_zone_first(string input, string expected) =>
        Assert.Equal(expected, TimeZones.Suggest(input)[0]);

    [Fact]
    public void At_most_three_suggestions_are_made_the_closest_of_all()
    {
        // "America/S" is near many zones; the three made are the first of the longer list.
        var many = TimeZones.Suggest("America/S", count: 10);

        Assert.True(many.Count > 3, string.Join(", ", many));
        Assert.Equal(many.Take(3), TimeZones.Suggest("America/S"));
    }
}
