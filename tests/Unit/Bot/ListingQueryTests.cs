using ScheduledMessages.Application.ScheduledMessages;
using ScheduledMessages.Bot.Commands;

namespace ScheduledMessages.Unit.Bot;

public sealed class ListingQueryTests
{
    [Fact]
    public void No_arguments_list_everything_still_to_be_sent_soonest_first()
    {
        var (query, problem) = ListingQuery.Parse(string.Empty);

        Assert.Null(problem);
        Assert.Equal((ScheduledMessageStatusFilter.Open, ScheduledMessageSort.NextTime, 1, false), (query!.StatusFilter, query.Sort, query.Page, query.IsFiltered));
        Assert.Equal(string.Empty, query.Filters());
    }

    [Fact]
    public void A_bare_number_is_the_page_as_before()
    {
        var (query, _) = ListingQuery.Parse("2");

        Assert.Equal(2, query!.Page);
        Assert.False(query.IsFiltered);
        Assert.Equal("/scheduled 2", query.CommandFor(2));
    }

    [Theory]
    [InlineData("daily", "daily", null, null, ScheduledMessageSort.NextTime)]
    [InlineData("WEEKLY paused", "weekly", ScheduledMessageStatusFilter.Paused, null, ScheduledMessageSort.NextTime)]
    [InlineData("kind:custom status:sent sort:created", "custom", ScheduledMessageStatusFilter.Sent, null, ScheduledMessageSort.Created)]
    [InlineData("canceled by:priority", null, ScheduledMessageStatusFilter.Cancelled, null, ScheduledMessageSort.Priority)]
    [InlineData("retrying", null, ScheduledMessageStatusFilter.Rescheduled, null, ScheduledMessageSort.NextTime)]
    [InlineData("text:dentist", null, null, "dentist", ScheduledMessageSort.NextTime)]
    [InlineData("text:\"stand up\" once", "once", null, "stand up", ScheduledMessageSort.NextTime)]
    [InlineData("TEXT:“stand up”", null, null, "stand up", ScheduledMessageSort.NextTime)]
    public void Filters_are_read_in_any_order(string arguments, string? kind, ScheduledMessageStatusFilter? status, string? text, ScheduledMessageSort sort)
    {
        var (query, problem) = ListingQuery.Parse(arguments);

        Assert.Null(problem);
        Assert.Equal((kind, status, text, sort), (query!.Kind, query.Status, query.Text, query.Sort));
        Assert.True(query.IsFiltered);
    }

    [Theory]
    [InlineData("daily paused sort:created text:\"stand up\" 3")]
    [InlineData("all text:x 2")]
    [InlineData("once sort:priority")]
    [InlineData("retrying text:\"a b c\"")]
    public void Filters_written_back_read_the_same(string arguments)
    {
        var (query, _) = ListingQuery.Parse(arguments);

        var (again, problem) = ListingQuery.Parse(query!.Filters());

        Assert.Null(problem);
        Assert.Equal(query with { Page = 1 }, again);
        Assert.Equal(query with { Page = 7 }, ListingQuery.Parse(query.CommandFor(7)["/scheduled".Length..]).Query);
    }

    [Theory]
    [InlineData("first", "'first' is not a page number. To search the texts for it, write text:first")]
    [InlineData("0", "'0' is not a page number.")]
    [InlineData("page:x", "'x' is not a page number")]
    [InlineData("daily weekly", "Give one kind")]
    [InlineData("sent failed", "Give one status")]
    [InlineData("sort:random", "'random' is not an order")]
    [InlineData("kind:hourly", "'hourly' is not a kind")]
    [InlineData("text:", "text: needs something to search for")]
    [InlineData("text:a text:b", "Give one text to search for")]
    public void A_wrong_word_is_named(string arguments, string problem)
    {
        var (query, message) = ListingQuery.Parse(arguments);

        Assert.Null(query);
        Assert.StartsWith(problem, message, StringComparison.Ordinal);
    }
}
