using System.Net;
using System.Text.Json.Nodes;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace ScheduledMessages.Integration.Telegram;

/// <summary>The double behaves like the Bot API as Telegram.Bot's own client sees it.</summary>
public sealed class BotApiDoubleTests : IAsyncLifetime
{
    private const long PrivateChat = 4242;
    private const long GroupChat = -100777;

    private BotApiDouble _api = null!;
    private TelegramBotClient _client = null!;

    public async Task InitializeAsync()
    {
        _api = await BotApiDouble.StartAsync(BotApiLimits.Off);
        _client = ClientFor(_api, _api.Token);
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task GetMe_answers_the_bot_user()
    {
        var me = await _client.GetMe();

        Assert.Equal(BotApiDouble.BotId, me.Id);
        Assert.True(me.IsBot);
        Assert.Equal(BotApiDouble.BotUsername, me.Username);
    }

    [Fact]
    public async Task A_wrong_token_gets_401_unauthorized()
    {
        var stranger = ClientFor(_api, "987654321:not-the-right-token");

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => stranger.GetMe());

        Assert.Equal(401, error.ErrorCode);
        Assert.Equal(401, _api.Calls.Single().StatusCode);
    }

    [Fact]
    public async Task GetUpdates_returns_queued_messages_and_an_offset_confirms_them()
    {
        _api.EnqueueMessage(PrivateChat, "/start");
        _api.EnqueueMessage(GroupChat, "/schedule@scheduled_test_bot daily 09:00 Hi", fromUserId: 77);

        var first = await _client.GetUpdates(timeout: 0);
        var again = await _client.GetUpdates(offset: first[0].Id + 1, timeout: 0);
        var none = await _client.GetUpdates(offset: again[^1].Id + 1, timeout: 0);

        Assert.Equal(["/start", "/schedule@scheduled_test_bot daily 09:00 Hi"], first.Select(u => u.Message!.Text));
        Assert.Equal(ChatType.Private, first[0].Message!.Chat.Type);
        Assert.Equal(MessageEntityType.BotCommand, first[0].Message!.Entities!.Single().Type);
        Assert.Equal(77, first[1].Message!.From!.Id);
        Assert.Equal(ChatType.Group, first[1].Message!.Chat.Type);
        Assert.Single(again);
        Assert.Empty(none);
        Assert.Equal(0, _api.PendingUpdateCount);
    }

    [Fact]
    public async Task GetUpdates_long_polls_until_a_message_arrives()
    {
        var poll = _client.GetUpdates(timeout: 30);
        await _api.WaitUntilAsync(d => d.WaitingPollCount == 1, TimeSpan.FromSeconds(60));

        _api.EnqueueMessage(PrivateChat, "hello");
        var updates = await poll.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal("hello", Assert.Single(updates).Message!.Text);
    }

    [Fact]
    public async Task GetUpdates_with_nothing_to_say_answers_empty_when_its_timeout_passes()
    {
        var updates = await _client.GetUpdates(timeout: 1);

        Assert.Empty(updates);
        Assert.Equal(200, _api.Calls.Single().StatusCode);
    }

    [Fact]
    public async Task A_second_poller_terminates_the_first_with_409_conflict()
    {
        var first = _client.GetUpdates(timeout: 30);
        await _api.WaitUntilAsync(d => d.WaitingPollCount == 1, TimeSpan.FromSeconds(60));
        var second = _client.GetUpdates(timeout: 1);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => first);
        await second;

        Assert.Equal(409, error.ErrorCode);
    }

    [Fact]
    public async Task SendMessage_is_recorded_with_its_parse_mode_and_keyboard()
    {
        var keyboard = new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Cancel", "cancel:1"));

        var plain = await _client.SendMessage(PrivateChat, "plain <b>text</b>");
        var marked = await _client.SendMessage(GroupChat, "<b>bold</b>", ParseMode.Html, replyMarkup: keyboard);

        var sent = _api.SentMessages;
        Assert.Equal(2, sent.Count);
        Assert.Equal((PrivateChat, "plain <b>text</b>", (string?)null), (sent[0].ChatId, sent[0].Text, sent[0].ParseMode));
        Assert.Equal("HTML", sent[1].ParseMode, ignoreCase: true);
        Assert.Equal(new InlineButton("Cancel", "cancel:1", null), Assert.Single(sent[1].InlineButtons));
        Assert.Equal(plain.Id, sent[0].MessageId);
        Assert.Equal(GroupChat, marked.Chat.Id);
        Assert.Equal("<b>bold</b>", marked.Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("4097")]
    public async Task SendMessage_refuses_empty_and_too_long_text(string what)
    {
        var text = what == "4097" ? new string('x', 4097) : what;

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => _client.SendMessage(PrivateChat, text));

        Assert.Equal(400, error.ErrorCode);
        Assert.Empty(_api.SentMessages);
    }

    [Fact]
    public async Task SetMyCommands_is_recorded_and_read_back_by_GetMyCommands()
    {
        await _client.SetMyCommands([new BotCommand("schedule", "Schedule a message"), new BotCommand("help", "Show help")]);

        var read = await _client.GetMyCommands();

        Assert.Equal([new BotCommandEntry("schedule", "Schedule a message"), new BotCommandEntry("help", "Show help")], _api.Commands);
        Assert.Equal(["schedule", "help"], read.Select(c => c.Command));
    }

    [Fact]
    public async Task SetMyCommands_refuses_a_name_Telegram_would_refuse()
    {
        var error = await Assert.ThrowsAsync<ApiRequestException>(() =>
            _client.SetMyCommands([new BotCommand("Cancel-Schedule", "Cancel")]));

        Assert.Equal(400, error.ErrorCode);
        Assert.Contains("BOT_COMMAND_INVALID", error.Message, StringComparison.Ordinal);
        Assert.Empty(_api.Commands);
    }

    [Fact]
    public async Task A_button_press_arrives_as_a_callback_query_and_can_be_answered_and_edited()
    {
        var keyboard = new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Cancel", "cancel:1"));
        var shown = await _client.SendMessage(PrivateChat, "Your schedules", replyMarkup: keyboard);

        var queryId = _api.EnqueueCallbackQuery(PrivateChat, shown.Id, "cancel:1");
        var update = Assert.Single(await _client.GetUpdates(timeout: 5));
        await _client.AnswerCallbackQuery(update.CallbackQuery!.Id, "Cancelled");
        await _client.EditMessageText(PrivateChat, shown.Id, "Your schedules: none left");
        var unchanged = await Assert.ThrowsAsync<ApiRequestException>(() =>
            _client.EditMessageText(PrivateChat, shown.Id, "Your schedules: none left"));
        await _client.DeleteMessage(PrivateChat, shown.Id);

        Assert.Equal(queryId, update.CallbackQuery.Id);
        Assert.Equal("cancel:1", update.CallbackQuery.Data);
        Assert.Equal(shown.Id, update.CallbackQuery.Message!.Id);
        Assert.Equal("Cancelled", Assert.Single(_api.AnsweredCallbacks).Text);
        Assert.Equal("Your schedules: none left", Assert.Single(_api.Edits).Text);
        Assert.Contains("message is not modified", unchanged.Message, StringComparison.Ordinal);
        Assert.Equal(shown.Id, Assert.Single(_api.DeletedMessages).MessageId);
    }

    [Fact]
    public async Task An_active_webhook_makes_GetUpdates_a_conflict_until_it_is_deleted()
    {
        await _client.SetWebhook("https://bot.example/telegram/webhook", secretToken: "s3cret");
        var conflict = await Assert.ThrowsAsync<ApiRequestException>(() => _client.GetUpdates(timeout: 0));
        var secret = _api.WebhookSecret;

        await _client.DeleteWebhook();
        var updates = await _client.GetUpdates(timeout: 0);

        Assert.Equal(409, conflict.ErrorCode);
        Assert.Equal("s3cret", secret);
        Assert.Null(_api.WebhookUrl);
        Assert.Empty(updates);
    }

    [Fact]
    public async Task Chat_members_and_administrators_come_from_what_the_test_set()
    {
        _api.SetAdministrators(GroupChat, 1, 2);

        var creator = await _client.GetChatMember(GroupChat, 1);
        var admin = await _client.GetChatMember(GroupChat, 2);
        var member = await _client.GetChatMember(GroupChat, 3);
        var admins = await _client.GetChatAdministrators(GroupChat);

        Assert.Equal(ChatMemberStatus.Creator, creator.Status);
        Assert.Equal(ChatMemberStatus.Administrator, admin.Status);
        Assert.Equal(ChatMemberStatus.Member, member.Status);
        Assert.Equal([1L, 2L], admins.Select(a => a.User.Id));
    }

    [Fact]
    public async Task A_form_encoded_request_is_understood_like_a_json_one()
    {
        using var http = new HttpClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["chat_id"] = PrivateChat.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["text"] = "from a form",
            ["reply_markup"] = """{"inline_keyboard":[[{"text":"Go","callback_data":"go"}]]}""",
        });

        using var response = await http.PostAsync(new Uri($"{_api.BaseUrl}/bot{_api.Token}/sendMessage"), form);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(body["ok"]!.GetValue<bool>());
        Assert.Equal("from a form", body["result"]!["text"]!.GetValue<string>());
        Assert.Equal("go", Assert.Single(_api.SentMessages).InlineButtons.Single().CallbackData);
    }

    [Fact]
    public async Task Injected_faults_answer_like_Telegram_and_then_stop()
    {
        _api.InjectFault(BotApiFault.ServerError(502));
        _api.InjectFault(BotApiFault.TooManyRequests(7));
        _api.InjectFault(BotApiFault.BotBlocked);
        _api.InjectFault(BotApiFault.ChatNotFound);

        var server = await Assert.ThrowsAsync<ApiRequestException>(() => _client.SendMessage(PrivateChat, "1"));
        var tooMany = await Assert.ThrowsAsync<ApiRequestException>(() => _client.SendMessage(PrivateChat, "2"));
        var blocked = await Assert.ThrowsAsync<ApiRequestException>(() => _client.SendMessage(PrivateChat, "3"));
        var notFound = await Assert.ThrowsAsync<ApiRequestException>(() => _client.SendMessage(PrivateChat, "4"));
        await _client.SendMessage(PrivateChat, "5");

        Assert.Equal(502, server.ErrorCode);
        Assert.Equal((429, 7), (tooMany.ErrorCode, tooMany.Parameters?.RetryAfter));
        Assert.Equal("Too Many Requests: retry after 7", tooMany.Message);
        Assert.Equal((403, "Forbidden: bot was blocked by the user"), (blocked.ErrorCode, blocked.Message));
        Assert.Equal((400, "Bad Request: chat not found"), (notFound.ErrorCode, notFound.Message));
        Assert.Equal("5", Assert.Single(_api.SentMessages).Text);
        Assert.Equal(1, _api.TooManyRequestsCount);
        Assert.Equal(0, _api.LimitRejectionCount);
    }

    [Fact]
    public async Task A_fault_for_one_chat_leaves_other_chats_alone_for_as_many_times_as_asked()
    {
        _api.InjectFault(BotApiFault.ServerError(), times: 2, chatId: PrivateChat);

        await Assert.ThrowsAsync<ApiRequestException>(() => _client.SendMessage(PrivateChat, "a"));
        await _client.SendMessage(GroupChat, "b");
        await Assert.ThrowsAsync<ApiRequestException>(() => _client.SendMessage(PrivateChat, "c"));
        await _client.SendMessage(PrivateChat, "d");

        Assert.Equal(["b", "d"], _api.SentMessages.Select(m => m.Text));
    }

    [Fact]
    public async Task A_permanent_fault_lasts_until_cleared()
    {
        _api.InjectPermanentFault(BotApiFault.BotBlocked, chatId: PrivateChat);

        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<ApiRequestException>(() => _client.SendMessage(PrivateChat, "x"));
        }

        _api.ClearFaults();
        await _client.SendMessage(PrivateChat, "y");

        Assert.Equal("y", Assert.Single(_api.SentMessages).Text);
    }

    [Fact]
    public async Task A_delay_longer_than_the_client_timeout_fails_the_call_and_records_nothing()
    {
        _api.InjectFault(BotApiFault.Delay(TimeSpan.FromSeconds(30)));
        using var impatient = new HttpClient { Timeout = TimeSpan.FromMilliseconds(500) };
        var client = new TelegramBotClient(new TelegramBotClientOptions(_api.Token, _api.BaseUrl) { RetryThreshold = 0 }, impatient);

        await Assert.ThrowsAnyAsync<Exception>(() => client.SendMessage(PrivateChat, "slow"));
        await client.SendMessage(PrivateChat, "next");

        Assert.Equal("next", Assert.Single(_api.SentMessages).Text);
    }

    [Fact]
    public async Task The_per_chat_limit_answers_429_with_retry_after_when_on()
    {
        // One a minute, so the second send is within the window however slowly it follows the first.
        _api.Limits = BotApiLimits.Telegram with { PerChatPeriod = TimeSpan.FromMinutes(1) };

        await _client.SendMessage(PrivateChat, "first");
        var second = await Assert.ThrowsAsync<ApiRequestException>(() => _client.SendMessage(PrivateChat, "second"));
        await _client.SendMessage(PrivateChat + 1, "another chat is not limited by this one");

        Assert.Equal(429, second.ErrorCode);

        // The rest of the window (half a minute with the leeway), rounded up to a second.
        Assert.InRange(second.Parameters?.RetryAfter ?? 0, 1, 30);
        Assert.Equal(1, _api.LimitRejectionCount);
        Assert.Equal(1, _api.TooManyRequestsCount);
        Assert.Equal(2, _api.SentMessages.Count);
    }

    [Fact]
    public async Task The_per_group_limit_applies_to_groups_only()
    {
        _api.Limits = BotApiLimits.Off with
        {
            Enabled = true,
            PerChatLimit = 100,
            PerGroupLimit = 3,
            PerGroupPeriod = TimeSpan.FromMinutes(1),
            GlobalLimit = 100,
        };

        for (var i = 0; i < 3; i++)
        {
            await _client.SendMessage(GroupChat, $"group {i}");
            await _client.SendMessage(PrivateChat, $"private {i}");
        }

        var fourth = await Assert.ThrowsAsync<ApiRequestException>(() => _client.SendMessage(GroupChat, "group 3"));
        await _client.SendMessage(PrivateChat, "private 3");

        Assert.Equal(429, fourth.ErrorCode);
        // The rest of the group's window (half a minute with the leeway), not the chat's second.
        Assert.InRange(fourth.Parameters?.RetryAfter ?? 0, 2, 30);
        Assert.Equal(7, _api.SentMessages.Count);
    }

    [Fact]
    public async Task The_global_limit_counts_every_chat()
    {
        _api.Limits = BotApiLimits.Telegram with { GlobalLimit = 5, GlobalPeriod = TimeSpan.FromMinutes(1) };

        for (var chat = 1; chat <= 5; chat++)
        {
            await _client.SendMessage(chat, "hi");
        }

        var sixth = await Assert.ThrowsAsync<ApiRequestException>(() => _client.SendMessage(6, "hi"));

        Assert.Equal(429, sixth.ErrorCode);
        Assert.Equal(1, _api.LimitRejectionCount);
    }

    [Fact]
    public async Task With_limits_off_a_burst_to_one_chat_is_all_accepted()
    {
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => _client.SendMessage(PrivateChat, $"m{i}")));

        Assert.Equal(20, _api.SentMessages.Count);
        Assert.Equal(0, _api.TooManyRequestsCount);
    }

    [Fact]
    public async Task WaitForMessageAsync_returns_once_the_message_is_sent_and_times_out_otherwise()
    {
        var waiting = _api.WaitForMessageAsync(PrivateChat, m => m.Text.StartsWith("Done", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        await _client.SendMessage(PrivateChat, "Not yet");
        await _client.SendMessage(PrivateChat, "Done: 1");

        var found = await waiting;
        var timeout = await Assert.ThrowsAsync<TimeoutException>(() => _api.WaitForMessageAsync(GroupChat, timeout: TimeSpan.FromMilliseconds(200)));

        Assert.Equal("Done: 1", found.Text);
        Assert.Contains("Not yet", timeout.Message, StringComparison.Ordinal);
    }

    private static TelegramBotClient ClientFor(BotApiDouble api, string token) =>
        new(new TelegramBotClientOptions(token, api.BaseUrl) { RetryThreshold = 0 });
}
