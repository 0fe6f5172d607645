using ScheduledMessages.Application.Abstractions;
using ScheduledMessages.Application.Chats.SetTimeZone;
using ScheduledMessages.Application.Common;
using ScheduledMessages.Application.ScheduledMessages;
using ScheduledMessages.Application.ScheduledMessages.List;

namespace ScheduledMessages.Unit.Application;

/// <summary>The Application's group-hygiene rules: anonymous administrators, members' shares, caps on costly inputs.</summary>
public sealed class GroupHygieneRulesTests
{
    private const long Group = -100;

    [Fact]
    public async Task The_group_itself_as_author_is_an_anonymous_administrator_without_asking_telegram()
    {
        var administrators = new NoOneAdministers();
        var permission = new ChangePermission(administrators);

        Assert.True(await permission.MayChangeAllAsync(new Request(Group, Group, false), CancellationToken.None));
        Assert.False(await permission.MayChangeAllAsync(new Request(Group, -200, false), CancellationToken.None));
        Assert.Equal(1, administrators.Questions);
    }

    [Theory]
    [InlineData(100, 50, 50)]
    [InlineData(100, 100, 100)]
    [InlineData(5, 50, 2)]
    [InlineData(1, 50, 1)]
    public void A_member_may_hold_their_share_of_the_chats_cap_and_always_at_least_one(int chatCap, int percent, int memberCap) =>
        Assert.Equal(memberCap, new SchedulerOptions { MaxActiveSchedulesPerChat = chatCap, MemberSharePercent = percent }.MaxActiveSchedulesPerMember);

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void A_share_outside_1_to_100_percent_stops_the_host_naming_the_key(int percent)
    {
        var result = new SchedulerOptionsValidator().Validate(null, new SchedulerOptions { MemberSharePercent = percent });

        Assert.Contains(result.Failures!, f => f.StartsWith("Scheduler:MemberSharePercent must be 1 to 100", StringComparison.Ordinal));
    }

    [Fact]
    public void A_4000_character_zone_name_is_answered_at_once_without_measuring_it_against_every_zone()
    {
        var name = new string('x', 4000);
        var errors = new SetChatTimeZoneValidator().Validate(new SetChatTimeZone(1, name)).Errors.Select(e => e.ErrorMessage).ToList();

        Assert.Equal(["That time zone name has 4000 characters; zone names have at most 64. Use an IANA name such as Europe/Berlin."], errors);
        Assert.Null(TimeZones.Find(name));
        Assert.Empty(TimeZones.Suggest(name));
        Assert.True(TimeZones.IsTooLong(name) && !TimeZones.IsTooLong("America/Argentina/ComodRivadavia"));
        Assert.True(DateTimeZoneNamesFitTheCap(), "Some IANA id is longer than the cap.");
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(ListScheduledMessages.MaxPage, true)]
    [InlineData(ListScheduledMessages.MaxPage + 1, false)]
    [InlineData(1_000_000_000, false)]
    public void A_listing_page_is_1_to_the_most_pages(int page, bool valid) =>
        Assert.Equal(valid, new ListScheduledMessagesValidator().Validate(new ListScheduledMessages(1, Page: page)).IsValid);

    private static bool DateTimeZoneNamesFitTheCap() =>
        NodaTime.DateTimeZoneProviders.Tzdb.Ids.All(id => id.Length <= TimeZones.MaxIdLength);

    private sealed record Request(long ChatId, long? UserId, bool IsPrivateChat) : IChangeRequest;

    private sealed class NoOneAdministers : IChatAdministrators
    {
        public int Questions { get; private set; }

        public ValueTask<bool> IsAdministratorAsync(long chatId, long userId, CancellationToken cancellationToken)
        {
            Questions++;
            return ValueTask.FromResult(false);
        }
    }
}
