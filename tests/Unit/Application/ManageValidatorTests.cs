using ScheduledMessages.Application.ScheduledMessages;
using ScheduledMessages.Application.ScheduledMessages.CancelAll;
using ScheduledMessages.Application.ScheduledMessages.Edit;
using ScheduledMessages.Application.ScheduledMessages.List;
using ScheduledMessages.Application.ScheduledMessages.Pause;
using ScheduledMessages.Application.ScheduledMessages.Resume;

namespace ScheduledMessages.Unit.Application;

public sealed class ManageValidatorTests
{
    [Fact]
    public void Pause_and_resume_need_an_id_and_a_chat()
    {
        Assert.Equal(
            ["Say which message to pause: give its id from the list.", "The chat is missing."],
            new PauseScheduledMessageValidator().Validate(new PauseScheduledMessage(default, 0, null, false)).Errors.Select(e => e.ErrorMessage));
        Assert.Equal(
            ["Say which message to resume: give its id from the list.", "The chat is missing."],
            new ResumeScheduledMessageValidator().Validate(new ResumeScheduledMessage(Guid.Empty, 0, null, false)).Errors.Select(e => e.ErrorMessage));
    }

    [Theory]
    [InlineData("", "The new text is empty: write it after the id.")]
    [InlineData("Hi {nmae}", "Unknown variable {nmae}. Variables: {date}")]
    [InlineData("Price { 5", "A { has no closing }")]
    public void An_edit_follows_the_rules_of_a_schedules_text(string content, string problem) =>
        Assert.StartsWith(
            problem,
            Assert.Single(new EditScheduledMessageValidator().Validate(new EditScheduledMessage(Guid.NewGuid(), 1, null, false, content)).Errors).ErrorMessage,
            StringComparison.Ordinal);

    [Fact]
    public void An_edit_longer_than_telegram_allows_names_its_length() =>
        Assert.Equal(
            "The new text is 4097 characters long; Telegram allows at most 4096.",
            Assert.Single(new EditScheduledMessageValidator().Validate(new EditScheduledMessage(Guid.NewGuid(), 1, null, false, new string('x', 4097))).Errors).ErrorMessage);

    [Fact]
    public void A_valid_edit_passes() =>
        Assert.True(new EditScheduledMessageValidator().Validate(new EditScheduledMessage(Guid.NewGuid(), 1, 2, false, "{{braces}} on {weekday}")).IsValid);

    [Theory]
    [InlineData("1a2b3c4d", true)]
    [InlineData("1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", true)]
    [InlineData("1a2b3c", false)]
    [InlineData("hello", false)]
    public void A_reference_is_a_full_id_or_a_prefix_of_eight_or_more(string id, bool valid) =>
        Assert.Equal(valid, MessageReference.TryRead(id, out _));

    [Fact]
    public void A_reference_keeps_a_full_id_whole_and_a_prefix_in_lower_case()
    {
        var id = Guid.Parse("1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d");

        Assert.True(MessageReference.TryRead("1A2B3C4D5", out var prefix));
        Assert.True(MessageReference.TryRead("1a2b3c4d5e6f4a7b8c9d0e1f2a3b4c5d", out var compact));
        Assert.Equal(((Guid?)null, "1a2b3c4d5"), (prefix.Id, prefix.Prefix));
        Assert.Equal(((Guid?)id, (string?)null), (compact.Id, compact.Prefix));
        Assert.True(default(MessageReference).IsEmpty);
    }

    [Fact]
    public void Cancel_all_needs_a_chat() =>
        Assert.Equal(
            ["The chat is missing."],
            new CancelAllScheduledMessagesValidator().Validate(new CancelAllScheduledMessages(0, null, false)).Errors.Select(e => e.ErrorMessage));

    [Theory]
    [InlineData(" ")]
    [InlineData(null)]
    public void A_list_searches_for_some_text_or_none(string? text)
    {
        var errors = new ListScheduledMessagesValidator().Validate(new ListScheduledMessages(1, Text: text)).Errors;

        Assert.Equal(text is null ? 0 : 1, errors.Count);
    }

    [Fact]
    public void A_list_search_longer_than_200_characters_is_refused() =>
        Assert.Equal(
            "Search for 1 to 200 characters of text.",
            Assert.Single(new ListScheduledMessagesValidator().Validate(new ListScheduledMessages(1, Text: new string('a', 201))).Errors).ErrorMessage);
}
