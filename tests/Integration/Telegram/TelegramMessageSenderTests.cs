using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using ScheduledMessages.Application.Abstractions;
using ScheduledMessages.Bot.Conversations;
using ScheduledMessages.Infrastructure.Telegram;
using Telegram.Bot;

namespace ScheduledMessages.Integration.Telegram;

/// <summary>The Telegram sender against the Bot API double: outcomes, limits, secrecy of the token, options.</summary>
public sealed class TelegramMessageSenderTests : IAsyncLifetime
{
    private const long Chat = 5151;

    private BotApiDouble _api = null!;

    public async Task InitializeAsync() => _api = await BotApiDouble.StartAsync(BotApiLimits.Telegram);

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task A_message_is_delivered_as_plain_text()
    {
        await using var services = Services();

        var outcome = await Sender(services).SendAsync(Chat, "Happy *New* <b>Year</b>!", CancellationToken.None);

        Assert.Equal(SendOutcome.Delivered, outcome);
        var sent = Assert.Single(_api.SentMessages);
        Assert.Equal((Chat, "Happy *New* <b>Year</b>!", (string?)null), (sent.ChatId, sent.Text, sent.ParseMode));
    }

    [Theory]
    [InlineData("500", "transient", "http_500")]
    [InlineData("502", "transient", "http_502")]
    [InlineData("blocked", "permanent", "blocked")]
    [InlineData("chat not found", "permanent", "chat_not_found")]
    [InlineData("too long", "permanent", "bad_request")]
    public async Task Each_Bot_API_error_maps_to_its_outcome(string fault, string kind, string code)
    {
        _api.InjectFault(fault switch
        {
            "500" => BotApiFault.ServerError(500),
            "502" => BotApiFault.ServerError(502),
            "blocked" => BotApiFault.BotBlocked,
            "chat not found" => BotApiFault.ChatNotFound,
            _ => BotApiFault.Error(400, "Bad Request: message is too long"),
        });
        await using var services = Services();

        var outcome = await Sender(services).SendAsync(Chat, "hello", CancellationToken.None);

        var (actualKind, actualCode, description) = outcome switch
        {
            TransientErrorOutcome t => ("transient", t.Code, t.Description),
            PermanentErrorOutcome p => ("permanent", p.Code, p.Description),
            _ => (outcome.ToString(), string.Empty, string.Empty),
        };
        Assert.Equal((kind, code), (actualKind, actualCode));
        Assert.False(string.IsNullOrWhiteSpace(description));
        Assert.Empty(_api.SentMessages);
    }

    [Fact]
    public async Task A_429_is_rate_limited_for_its_retry_after()
    {
        _api.InjectFault(BotApiFault.TooManyRequests(7));
        await using var services = Services();

        var outcome = await Sender(services).SendAsync(Chat, "hello", CancellationToken.None);

        Assert.Equal(SendOutcome.RateLimited(TimeSpan.FromSeconds(7)), outcome);
    }

    [Fact]
    public async Task The_client_does_not_retry_a_429_by_itself()
    {
        _api.InjectFault(BotApiFault.TooManyRequests(1));
        await using var services = Services();

        await Sender(services).SendAsync(Chat, "hello", CancellationToken.None);

        Assert.Single(_api.Calls);
        Assert.Empty(_api.SentMessages);
    }

    [Fact]
    public async Task An_answer_slower_than_the_request_timeout_is_a_transient_timeout()
    {
        _api.InjectFault(BotApiFault.Delay(TimeSpan.FromSeconds(30)));
        await using var services = Services(("Telegram:RequestTimeout", "00:00:00.500"));

        var outcome = await Sender(services).SendAsync(Chat, "hello", CancellationToken.None);

        Assert.Equal("timeout", Assert.IsType<TransientErrorOutcome>(outcome).Code);
    }

    [Fact]
    public async Task An_unreachable_server_is_a_transient_network_failure()
    {
        await using var services = Services(("Telegram:ApiBaseUrl", $"http://127.0.0.1:{ClosedPort()}"));

        var outcome = await Sender(services).SendAsync(Chat, "hello", CancellationToken.None);

        Assert.Equal("network", Assert.IsType<TransientErrorOutcome>(outcome).Code);
    }

    [Fact]
    public async Task A_token_the_server_refuses_is_transient_not_the_messages_fault()
    {
        await using var services = Services(("Telegram:BotToken", "111:another-token"));

        var outcome = await Sender(services).SendAsync(Chat, "hello", CancellationToken.None);

        Assert.Equal("unauthorized", Assert.IsType<TransientErrorOutcome>(outcome).Code);
    }

    [Fact]
    public async Task Cancellation_by_the_caller_is_not_an_outcome_but_an_exception()
    {
        _api.InjectFault(BotApiFault.Delay(TimeSpan.FromSeconds(30)));
        await using var services = Services();
        using var shutdown = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            await Sender(services).SendAsync(Chat, "hello", shutdown.Token));
    }

    [Fact]
    public async Task The_token_appears_in_no_outcome_and_no_log_line()
    {
        var logs = new CapturedLogs();
        _api.InjectFault(BotApiFault.ServerError(500));
        _api.InjectFault(BotApiFault.Delay(TimeSpan.FromSeconds(30)));
        // Only the delayed request may run into the timeout, however slowly the others are answered.
        await using var services = Services(logs, ("Telegram:RequestTimeout", "00:00:05"));
        await using var unreachable = Services(logs, ("Telegram:ApiBaseUrl", $"http://127.0.0.1:{ClosedPort()}"));

        var outcomes = new List<SendOutcome>
        {
            await Sender(services).SendAsync(Chat, "a", CancellationToken.None),
            await Sender(services).SendAsync(Chat, "b", CancellationToken.None),
            await Sender(services).SendAsync(Chat, "c", CancellationToken.None),
            await Sender(unreachable).SendAsync(Chat, "d", CancellationToken.None),
        };

        Assert.Equal(
            ["http_500", "timeout", "delivered", "network"],
            outcomes.Select(o => o is TransientErrorOutcome t ? t.Code : o is DeliveredOutcome ? "delivered" : o.ToString()));
        Assert.NotEmpty(logs.Lines);
        Assert.DoesNotContain(outcomes, o => o.ToString()!.Contains(_api.Token, StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, line => line.Contains(_api.Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sixty_messages_to_one_chat_at_once_get_no_429()
    {
        // The per-chat limit scaled up from 1 to 10 a second on both sides: seconds, not a minute.
        _api.Limits = BotApiLimits.Telegram with { PerChatLimit = 10 };
        await using var services = Services(("Telegram:Limits:PerChatLimit", "10"));
        var sender = Sender(services);

        var outcomes = await Task.WhenAll(Enumerable.Range(1, 60).Select(i => sender.SendAsync(Chat, $"message {i}", CancellationToken.None).AsTask()));

        Assert.All(outcomes, o => Assert.Equal(SendOutcome.Delivered, o));
        Assert.Equal(60, _api.SentTo(Chat).Select(m => m.Text).Distinct().Count());
        Assert.Equal(0, _api.TooManyRequestsCount);
    }

    [Fact]
    public async Task A_hundred_messages_to_distinct_chats_at_once_get_no_429_at_Telegrams_limits()
    {
        await using var services = Services();
        var sender = Sender(services);

        var outcomes = await Task.WhenAll(Enumerable.Range(1, 100).Select(chat => sender.SendAsync(chat, "hello", CancellationToken.None).AsTask()));

        Assert.All(outcomes, o => Assert.Equal(SendOutcome.Delivered, o));
        Assert.Equal(100, _api.SentMessages.Select(m => m.ChatId).Distinct().Count());
        Assert.Equal(0, _api.TooManyRequestsCount);
    }

    [Fact]
    public async Task Messages_to_a_group_keep_to_the_group_limit_and_get_no_429()
    {
        // The group limit scaled from 20/min to 5 per 2 s on both sides, the chat's so that the group's binds.
        const long group = -1001234567890;
        _api.Limits = BotApiLimits.Telegram with
        {
            PerChatLimit = 10,
            PerGroupLimit = 5,
            PerGroupPeriod = TimeSpan.FromSeconds(2),
        };
        await using var services = Services(
            ("Telegram:Limits:PerChatLimit", "10"),
            ("Telegram:Limits:PerGroupLimit", "5"),
            ("Telegram:Limits:PerGroupPeriod", "00:00:02"));
        var sender = Sender(services);

        var outcomes = await Task.WhenAll(Enumerable.Range(1, 12).Select(i => sender.SendAsync(group, $"g{i}", CancellationToken.None).AsTask()));

        Assert.All(outcomes, o => Assert.Equal(SendOutcome.Delivered, o));
        Assert.Equal(12, _api.SentTo(group).Count);
        Assert.Equal(0, _api.TooManyRequestsCount);
    }

    [Fact]
    public async Task Without_the_limiter_a_burst_to_one_chat_is_refused_with_429()
    {
        await using var services = Services(("Telegram:Limits:Enabled", "false"));
        var sender = Sender(services);

        var outcomes = await Task.WhenAll(Enumerable.Range(1, 10).Select(i => sender.SendAsync(Chat, $"m{i}", CancellationToken.None).AsTask()));

        Assert.Contains(outcomes, o => o is RateLimitedOutcome { RetryAfter.TotalSeconds: >= 1 });
        Assert.True(_api.TooManyRequestsCount > 0);
    }

    [Fact]
    public async Task A_Bot_API_call_that_hangs_fails_with_a_transient_timeout_after_ApiCallTimeout()
    {
        _api.InjectFault(BotApiFault.Delay(TimeSpan.FromMinutes(1)), 1, method: "getChatMember");
        await using var services = Services(("Telegram:ApiCallTimeout", "00:00:00.500"));
        var administrators = new TelegramChatAdministrators(services.GetRequiredService<ITelegramBotClient>(), SystemClock.Instance);

        var timeout = await Assert.ThrowsAsync<TimeoutException>(async () => await administrators.IsAdministratorAsync(-5252, 42, CancellationToken.None));

        Assert.Contains("getChatMember", timeout.Message, StringComparison.Ordinal);
        Assert.True(TransientFailure.IsTransient(timeout));

        // Nothing was remembered: once Telegram answers, the question is asked again.
        _api.SetAdministrators(-5252, 42);
        Assert.True(await administrators.IsAdministratorAsync(-5252, 42, CancellationToken.None));
    }

    [Fact]
    public async Task A_send_is_bounded_by_RequestTimeout_not_by_ApiCallTimeout()
    {
        _api.InjectFault(BotApiFault.Delay(TimeSpan.FromSeconds(1)), 1, Chat);
        await using var services = Services(("Telegram:ApiCallTimeout", "00:00:00.200"), ("Telegram:RequestTimeout", "00:01:00"));

        var outcome = await Sender(services).SendAsync(Chat, "slow but sent", CancellationToken.None);

        Assert.Equal(SendOutcome.Delivered, outcome);
        Assert.Single(_api.SentMessages);
    }

    [Fact]
    public async Task A_caller_that_cancels_a_Bot_API_call_sees_a_cancellation_not_a_timeout()
    {
        _api.InjectFault(BotApiFault.Delay(TimeSpan.FromMinutes(1)), 1, method: "getMe");
        await using var services = Services(("Telegram:ApiCallTimeout", "00:01:00"));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => services.GetRequiredService<ITelegramBotClient>().GetMe(cancel.Token));
    }

    [Theory]
    [InlineData("Telegram:Mode", "Sideways", "Telegram:Mode")]
    [InlineData("Telegram:ApiBaseUrl", "not a url", "Telegram:ApiBaseUrl")]
    [InlineData("Telegram:Mode", "Webhook", "Telegram:WebhookSecret")]
    [InlineData("Telegram:Mode", "Webhook", "Telegram:WebhookUrl")]
    [InlineData("Telegram:BotToken", "", "Telegram:BotToken")]
    [InlineData("Telegram:RequestTimeout", "-00:00:01", "Telegram:RequestTimeout")]
    [InlineData("Telegram:ApiCallTimeout", "00:00:00", "Telegram:ApiCallTimeout")]
    [InlineData("Telegram:Limits:PerChatLimit", "0", "Telegram:Limits:PerChatLimit")]
    [InlineData("Telegram:Limits:GlobalPeriod", "00:00:00", "Telegram:Limits:GlobalPeriod")]
    [InlineData("Telegram:Limits:PerGroupLimit", "many", "Telegram:Limits:PerGroupLimit")]
    public async Task A_bad_setting_stops_the_start_with_a_message_naming_its_key(string key, string value, string named)
    {
        await using var services = Services((key, value));

        var error = Assert.ThrowsAny<Exception>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(named, Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_token_is_refused_without_being_repeated()
    {
        const string token = "not-a-token-but-a-secret-anyway";
        await using var services = Services(("Telegram:BotToken", token));

        var error = Assert.ThrowsAny<Exception>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Telegram:BotToken", Flatten(error), StringComparison.Ordinal);
        Assert.DoesNotContain(token, Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Good_settings_pass_validation_in_both_modes()
    {
        await using var polling = Services();
        await using var webhook = Services(
            ("Telegram:Mode", "Webhook"),
            ("Telegram:WebhookUrl", "https://bot.example/telegram/webhook"),
            ("Telegram:WebhookSecret", "a_Secret-123"));

        polling.GetRequiredService<IStartupValidator>().Validate();
        webhook.GetRequiredService<IStartupValidator>().Validate();

        Assert.Equal(TelegramMode.Webhook, webhook.GetRequiredService<IOptions<TelegramOptions>>().Value.Mode);
    }

    private ServiceProvider Services(params (string Key, string? Value)[] settings) => Services(null, settings);

    private ServiceProvider Services(CapturedLogs? logs, params (string Key, string? Value)[] settings)
    {
        var values = new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = _api.Token,
            ["Telegram:ApiBaseUrl"] = _api.BaseUrl,
        };
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Trace);
            if (logs is not null)
            {
                logging.AddProvider(logs);
            }
        });
        services.AddTelegram(configuration);
        return services.BuildServiceProvider(validateScopes: true);
    }

    private static IMessageSender Sender(IServiceProvider services) => services.GetRequiredService<IMessageSender>();

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static string Flatten(Exception error) => error is AggregateException all
        ? string.Join(" | ", all.Flatten().InnerExceptions.Select(e => e.ToString()))
        : error.ToString();
}
