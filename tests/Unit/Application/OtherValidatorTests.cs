using ScheduledMessages.Application.Chats.GetSettings;
using ScheduledMessages.Application.Chats.SetTimeZone;
using ScheduledMessages.Application.ScheduledMessages;
using ScheduledMessages.Application.ScheduledMessages.Cancel;
using ScheduledMessages.Application.ScheduledMessages.Dispatch;
using ScheduledMessages.Application.ScheduledMessages.List;

namespace ScheduledMessages.Unit.Application;

public sealed class OtherValidatorTests
{
    [Fact]
    public void Cancel_needs_a_message_id() =>
        Assert.Equal(
            ["Say which message to cancel: give its id from the list."],
            new CancelScheduledMessageValidator().Validate(new CancelScheduledMessage(Guid.Empty, 1, null, IsPrivateChat: true)).Errors.Select(e => e.ErrorMessage));

    [Fact]
    public void Cancel_needs_a_chat() =>
        Assert.Equal(
            ["The chat is missing."],
            new CancelScheduledMessageValidator().Validate(new CancelScheduledMessage(Guid.NewGuid(), 0, null, IsPrivateChat: true)).Errors.Select(e => e.ErrorMessage));

    [Fact]
    public void A_complete_cancel_passes() =>
        Assert.True(new CancelScheduledMessageValidator().Validate(new CancelScheduledMessage(Guid.NewGuid(), 1, 2, IsPrivateChat: true)).IsValid);

    [Theory]
    [InlineData(0L, 1, 10, null, "The chat is missing.")]
    [InlineData(1L, 0, 10, null, "Pages are numbered from 1.")]
    [InlineData(1L, 1, 0, null, "A page shows 1 to 50 messages.")]
    [InlineData(1L, 1, 51, null, "A page shows 1 to 50 messages.")]
    [InlineData(1L, 1, 10, "hourly", "Unknown kind 'hourly'; use once, daily, weekly, monthly, custom.")]
    public void A_list_request_names_its_problem(long chatId, int page, int pageSize, string? kind, string problem) =>
        Assert.Equal(
            [problem],
            new ListScheduledMessagesValidator().Validate(new ListScheduledMessages(chatId, Kind: kind, Page: page, PageSize: pageSize)).Errors.Select(e => e.ErrorMessage));

    [Fact]
    public void A_list_request_with_an_undefined_status_or_order_is_refused()
    {
        var errors = new ListScheduledMessagesValidator()
            .Validate(new ListScheduledMessages(1, (ScheduledMessageStatusFilter)42, Sort: (ScheduledMessageSort)42))
            .Errors.Select(e => e.ErrorMessage);

        Assert.Equal(
            ["Unknown status filter; use active, pending, rescheduled, paused, sent, failed, cancelled or all.", "Unknown order; sort by next time, created or priority."],
            errors);
    }

    [Theory]
    [InlineData("daily")]
    [InlineData("Weekly")]
    [InlineData(null)]
    public void A_list_request_with_a_known_kind_or_none_passes(string? kind) =>
        Assert.True(new ListScheduledMessagesValidator().Validate(new ListScheduledMessages(1, Kind: kind)).IsValid);

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void A_blank_time_zone_is_refused(string zone) =>
        Assert.Equal(
            ["Name a time zone, e.g. Europe/Berlin or America/New_York."],
            new SetChatTimeZoneValidator().Validate(new SetChatTimeZone(1, zone)).Errors.Select(e => e.ErrorMessage));

    [Fact]
    public void An_unknown_time_zone_is_refused_with_up_to_three_suggestions()
    {
        var problem = Assert.Single(new SetChatTimeZoneValidator().Validate(new SetChatTimeZone(1, "Amerca/New_Yrok")).Errors).ErrorMessage;

        Assert.StartsWith("'Amerca/New_Yrok' is not a time zone I know. Did you mean America/New_York", problem, StringComparison.Ordinal);
        Assert.InRange(problem.Split(',').Length, 1, 3);
    }

    [Fact]
    public void Nonsense_gets_no_suggestions_but_an_example() =>
        Assert.Equal(
            ["'qqqqqqqqqqqqqqqqqqqqqqqq' is not a time zone I know. Use an IANA name such as Europe/Berlin or America/New_York."],
            new SetChatTimeZoneValidator().Validate(new SetChatTimeZone(1, "qqqqqqqqqqqqqqqqqqqqqqqq")).Errors.Select(e => e.ErrorMessage));

    [Theory]
    [InlineData("Europe/Berlin")]
    [InlineData("europe/berlin")]
    [InlineData("UTC")]
    [InlineData("America/New York")]
    public void A_known_time_zone_passes_whatever_its_case(string zone) =>
        Assert.True(new SetChatTimeZoneValidator().Validate(new SetChatTimeZone(1, zone)).IsValid);

    [Fact]
    public void Setting_a_time_zone_needs_a_chat() =>
        Assert.Contains("The chat is missing.", new SetChatTimeZoneValidator().Validate(new SetChatTimeZone(0, "UTC")).Errors.Select(e => e.ErrorMessage));

    [Fact]
    public void Reading_settings_needs_a_chat()
    {
        Assert.Equal(["The chat is missing."], new GetChatSettingsValidator().Validate(new GetChatSettings(0)).Errors.Select(e => e.ErrorMessage));
        Assert.True(new GetChatSettingsValidator().Validate(new GetChatSettings(-100123)).IsValid);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Dispatch_needs_a_worker_id(string worker) =>
        Assert.Equal(["The worker id is empty."], new DispatchDueMessagesValidator().Validate(new DispatchDueMessages(worker)).Errors.Select(e => e.ErrorMessage));

    [Fact]
    public void Dispatch_refuses_an_overlong_worker_id()
    {
        Assert.False(new DispatchDueMessagesValidator().Validate(new DispatchDueMessages(new string('w', 201))).IsValid);
        Assert.True(new DispatchDueMessagesValidator().Validate(new DispatchDueMessages("host-1:1234")).IsValid);
    }
}
