using ScheduledMessages.Application.ScheduledMessages;
using ScheduledMessages.Integration.Fixtures;

namespace ScheduledMessages.Integration.EndToEnd;

/// <summary>/scheduled: short ids, filters, sorting, and paging and cancelling with buttons that edit the listing in place.</summary>
public sealed class ListingTests(PollingBotFixture bot) : IClassFixture<PollingBotFixture>
{
    [Fact]
    public async Task Each_message_shows_its_short_id_and_text_first_then_the_full_id_and_a_cancel_button()
    {
        var chat = ChatIds.NextPrivate();
        var id = BotFixture.IdIn(await bot.AskAsync(chat, "/schedule daily 09:00 Good morning!"));

        var list = await bot.AskAsync(chat, "/scheduled");

        var lines = list.Text.Split('\n');
        var at = Array.FindIndex(lines, l => l.Trim() == id.ToString());
        Assert.Equal($"{MessageIds.ShortForm(id)} · Good morning!", lines[at - 1]);
        Assert.StartsWith("every day at 09:00; next ", lines[at + 1].Trim(), StringComparison.Ordinal);
        var button = Assert.Single(list.InlineButtons);
        Assert.Equal($"Cancel {MessageIds.ShortForm(id)}", button.Text);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(button.CallbackData!) <= 64);
    }

    [Fact]
    public async Task Filters_by_kind_status_and_text_and_sorts_by_created_or_priority()
    {
        var chat = ChatIds.NextPrivate();
        await bot.AskAsync(chat, "/schedule daily 09:00 !5 Water the plants");
        await bot.AskAsync(chat, "/schedule weekly mon 09:00 !1 Plan the week");
        await bot.AskAsync(chat, "/schedule 2030-06-01 09:00 Dentist appointment");
        var paused = BotFixture.IdIn(await bot.AskAsync(chat, "/schedule every 2h Stretch and water"));
        await bot.AskAsync(chat, $"/pause {paused}");
        var cancelled = BotFixture.IdIn(await bot.AskAsync(chat, "/schedule monthly 1 10:00 Report"));
        await bot.AskAsync(chat, $"/cancel_schedule {cancelled}");

        Assert.Equal(["Water the plants"], Texts((await bot.AskAsync(chat, "/scheduled daily")).Text));
        Assert.Equal(["Dentist appointment"], Texts((await bot.AskAsync(chat, "/scheduled once")).Text));
        Assert.Equal(["Stretch and water"], Texts((await bot.AskAsync(chat, "/scheduled paused")).Text));
        Assert.Equal(["Report"], Texts((await bot.AskAsync(chat, "/scheduled cancelled")).Text));
        Assert.Equal(["Stretch and water", "Water the plants"], Texts((await bot.AskAsync(chat, "/scheduled text:WATER")).Text).Order(StringComparer.Ordinal));
        Assert.Equal(["Water the plants"], Texts((await bot.AskAsync(chat, "/scheduled text:\"the plants\"")).Text));
        Assert.Equal(5, Texts((await bot.AskAsync(chat, "/scheduled all")).Text).Count);
        Assert.Equal(4, Texts((await bot.AskAsync(chat, "/scheduled")).Text).Count);
        Assert.Equal(3, Texts((await bot.AskAsync(chat, "/scheduled active")).Text).Count);
        Assert.Equal(
            ["Stretch and water", "Dentist appointment", "Plan the week", "Water the plants"],
            Texts((await bot.AskAsync(chat, "/scheduled sort:created")).Text));
        Assert.Equal("Plan the week", Texts((await bot.AskAsync(chat, "/scheduled sort:priority")).Text)[0]);
        Assert.Equal("Water the plants", Texts((await bot.AskAsync(chat, "/scheduled sort:priority")).Text)[^1]);

        var header = (await bot.AskAsync(chat, "/scheduled daily text:water")).Text;
        Assert.StartsWith("Scheduled messages in this chat (1, daily text:water):", header, StringComparison.Ordinal);
        Assert.Contains("; priority 5", header, StringComparison.Ordinal);
        Assert.Equal(
            "No messages in this chat match monthly text:nothing. Send /scheduled for everything still to be sent.",
            (await bot.AskAsync(chat, "/scheduled monthly text:nothing")).Text);
    }

    [Theory]
    [InlineData("/scheduled hourly", "'hourly' is not a page number. To search the texts for it, write text:hourly")]
    [InlineData("/scheduled sort:random", "'random' is not an order")]
    [InlineData("/scheduled daily weekly", "Give one kind")]
    [InlineData("/scheduled status:done", "'done' is not a status")]
    [InlineData("/scheduled text:", "text: needs something to search for")]
    public async Task A_bad_filter_is_answered_with_the_problem_and_the_usage(string command, string problem)
    {
        var reply = await bot.AskAsync(ChatIds.NextPrivate(), command);

        Assert.StartsWith(problem, reply.Text, StringComparison.Ordinal);
        Assert.Contains("/scheduled [filters] [page]", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Next_and_Prev_buttons_page_through_the_list_in_place()
    {
        var chat = ChatIds.NextPrivate();
        for (var i = 1; i <= 12; i++)
        {
            bot.Api.EnqueueMessage(chat, $"/schedule every {i * 10}m Item {i:00}");
        }

        await bot.Api.WaitUntilAsync(d => d.SentTo(chat).Count == 12, BotFixture.ReplyTimeout);
        var list = await bot.AskAsync(chat, "/scheduled");

        Assert.Contains("Page 1 of 2. Next: /scheduled 2", list.Text, StringComparison.Ordinal);
        Assert.Equal(10, Texts(list.Text).Count);
        Assert.Equal("Next »", list.InlineButtons[^1].Text);

        var (_, next) = await ButtonPresses.PressAsync(bot, chat, list.MessageId, list.InlineButtons, "Next");
        Assert.NotNull(next);
        Assert.Equal(["Item 11", "Item 12"], Texts(next.Text));
        Assert.Contains("Page 2 of 2.", next.Text, StringComparison.Ordinal);
        Assert.Equal("« Prev", next.InlineButtons[^1].Text);

        var (answer, back) = await ButtonPresses.PressAsync(bot, chat, list.MessageId, next.InlineButtons, "« Prev");
        Assert.Null(answer.Text);
        Assert.Equal(Texts(list.Text), Texts(back!.Text));
        Assert.Equal(13, bot.Api.SentTo(chat).Count);
    }

    [Fact]
    public async Task Paging_buttons_keep_the_filters()
    {
        var chat = ChatIds.NextPrivate();
        for (var i = 1; i <= 11; i++)
        {
            bot.Api.EnqueueMessage(chat, $"/schedule every {i * 10}m Tea {i:00}");
        }

        bot.Api.EnqueueMessage(chat, "/schedule daily 09:00 Coffee");
        await bot.Api.WaitUntilAsync(d => d.SentTo(chat).Count == 12, BotFixture.ReplyTimeout);
        var list = await bot.AskAsync(chat, "/scheduled custom sort:created");

        var (_, next) = await ButtonPresses.PressAsync(bot, chat, list.MessageId, list.InlineButtons, "Next");

        Assert.StartsWith("Scheduled messages in this chat (11, custom sort:created):", next!.Text, StringComparison.Ordinal);
        Assert.Equal(["Tea 01"], Texts(next.Text));
    }

    [Fact]
    public async Task The_cancel_button_cancels_the_message_and_shows_the_listing_again_in_place()
    {
        var chat = ChatIds.NextPrivate();
        var keep = BotFixture.IdIn(await bot.AskAsync(chat, "/schedule daily 09:00 Keep me"));
        var drop = BotFixture.IdIn(await bot.AskAsync(chat, "/schedule daily 10:00 Drop me"));
        var list = await bot.AskAsync(chat, "/scheduled");

        var (answer, edit) = await ButtonPresses.PressAsync(bot, chat, list.MessageId, list.InlineButtons, $"Cancel {MessageIds.ShortForm(drop)}");

        Assert.Equal($"Cancelled {MessageIds.ShortForm(drop)}: Drop me", answer.Text);
        Assert.NotNull(edit);
        Assert.StartsWith($"Cancelled {MessageIds.ShortForm(drop)}: Drop me\n\nScheduled messages in this chat (1):", edit.Text, StringComparison.Ordinal);
        Assert.Equal(["Keep me"], Texts(edit.Text));
        Assert.Equal([$"Cancel {MessageIds.ShortForm(keep)}"], edit.InlineButtons.Select(b => b.Text));
        Assert.Equal("cancelled", (await ScheduledMessageRows.ReadAsync(bot.Database, drop)).Status);
        Assert.Equal("pending", (await ScheduledMessageRows.ReadAsync(bot.Database, keep)).Status);

        var (_, last) = await ButtonPresses.PressAsync(bot, chat, list.MessageId, edit.InlineButtons, "Cancel");
        Assert.StartsWith($"Cancelled {MessageIds.ShortForm(keep)}: Keep me\n\nNothing is scheduled in this chat.", last!.Text, StringComparison.Ordinal);
        Assert.Empty(last.InlineButtons);
    }

    [Fact]
    public async Task A_cancel_button_pressed_from_another_chat_finds_nothing_there()
    {
        var owner = ChatIds.NextPrivate();
        var stranger = ChatIds.NextPrivate();
        var id = BotFixture.IdIn(await bot.AskAsync(owner, "/schedule daily 09:00 Not yours"));
        var list = await bot.AskAsync(owner, "/scheduled");
        var data = Assert.Single(list.InlineButtons).CallbackData!;
        var strangersMessage = await bot.AskAsync(stranger, "/help");

        var (answer, _) = await ButtonPresses.PressDataAsync(bot, stranger, strangersMessage.MessageId, data);

        Assert.Equal("There is no scheduled message with that id in this chat.", answer.Text);
        Assert.Equal("pending", (await ScheduledMessageRows.ReadAsync(bot.Database, id)).Status);
    }

    [Fact]
    public async Task A_button_with_unknown_data_is_still_answered()
    {
        var chat = ChatIds.NextPrivate();
        var message = await bot.AskAsync(chat, "/help");

        var (answer, edit) = await ButtonPresses.PressDataAsync(bot, chat, message.MessageId, "zz:whatever");

        Assert.Equal("This button no longer works. Send /scheduled for a fresh list.", answer.Text);
        Assert.Null(edit);
    }

    /// <summary>The texts of the listed messages, in order (the line after each short id).</summary>
    private static List<string> Texts(string listing) =>
        [.. listing.Split('\n')
            .Where(l => l.Length > 11 && l.Contains(" · ", StringComparison.Ordinal) && !l.StartsWith(' '))
            .Select(l => l[(l.IndexOf(" · ", StringComparison.Ordinal) + 3)..])];
}
