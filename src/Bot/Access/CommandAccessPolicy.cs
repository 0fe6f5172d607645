using Microsoft.Extensions.Options;
using NodaTime;
using ScheduledMessages.Application.Chats;
using ScheduledMessages.Bot.Commands;
using ScheduledMessages.Bot.Conversations;

namespace ScheduledMessages.Bot.Access;

/// <summary>
/// Decides, before a command runs, whether the bot takes it: a chat outside the allow-list is
/// answered one short refusal (then nothing for a while) and a user or chat over its command rate
/// is told once how long to wait, then dropped silently until the window passes. In a group each
/// member also has a share of the chat's rate, so one member cannot use it all. Messages the
/// conversation ignores anyway (group chatter, commands for other bots) are let through uncounted.
/// </summary>
public sealed partial class CommandAccessPolicy
{
    public const string RefusalText = "Sorry, this bot is private and does not serve this chat.";

    private static readonly Duration Minute = Duration.FromMinutes(1);

    private readonly AccessOptions _options;
    private readonly ChatAllowList _allowList;
    private readonly QuotaWindows _windows;
    private readonly BotIdentity _identity;
    private readonly ILogger<CommandAccessPolicy> _logger;

    public CommandAccessPolicy(
        IOptions<AccessOptions> options,
        ChatAllowList allowList,
        QuotaWindows windows,
        BotIdentity identity,
        ILogger<CommandAccessPolicy> logger)
    {
        _options = options.Value;
        _allowList = allowList;
        _windows = windows;
        _identity = identity;
        _logger = logger;
    }

    /// <summary>
    /// True when the message may go on to its command; otherwise <paramref name="refusal"/> is the
    /// answer to send, or null to send nothing.
    /// </summary>
    public bool Admits(IncomingMessage message, out BotReply? refusal)
    {
        refusal = null;
        if (!IsAddressedToBot(message))
        {
            return true;
        }

        var admitted = Admits(message.ChatId, message.AuthorId, message.ChatKind, out var text);
        refusal = text is null ? null : new BotReply(text);
        return admitted;
    }

    /// <summary>
    /// A press of one of the bot's buttons counts like a command: refused outside the allow-list and
    /// when its user floods. <paramref name="notice"/> is the answer to show, or null for none.
    /// </summary>
    public bool Admits(IncomingCallback press, out string? notice) => Admits(press.ChatId, press.UserId, press.ChatKind, out notice);

    private bool Admits(long chatId, long? userId, ChatKind kind, out string? refusal)
    {
        refusal = null;
        if (!_allowList.Allows(chatId))
        {
            var once = _windows.TryAdmit([new Quota(new QuotaKey(QuotaScope.Refusal, chatId), 0, Duration.FromTimeSpan(_options.RefusalSilence))]);
            if (once.FirstRefusal)
            {
                LogRefused(_logger, chatId);
                refusal = RefusalText;
            }

            return false;
        }

        Span<Quota> quotas = stackalloc Quota[3];
        var count = 0;
        if (_options.CommandsPerMinute > 0)
        {
            quotas[count++] = new Quota(new QuotaKey(QuotaScope.User, userId ?? chatId), _options.CommandsPerMinute, Minute);
        }

        // Listed before the chat's quota, so a member over their share is told so, not that the group is.
        var memberLimit = _options.MemberCommandsPerMinute;
        if (kind == ChatKind.Group && memberLimit > 0 && memberLimit < _options.ChatCommandsPerMinute && userId is { } member)
        {
            quotas[count++] = new Quota(new QuotaKey(QuotaScope.Member, member, chatId), memberLimit, Minute);
        }

        if (_options.ChatCommandsPerMinute > 0)
        {
            quotas[count++] = new Quota(new QuotaKey(QuotaScope.Chat, chatId), _options.ChatCommandsPerMinute, Minute);
        }

        var admission = _windows.TryAdmit(quotas[..count]);
        if (admission.Admitted)
        {
            return true;
        }

        if (admission.FirstRefusal)
        {
            var seconds = (int)Math.Ceiling(admission.RetryAfter.TotalSeconds);
            LogThrottled(_logger, userId, chatId, seconds);
            refusal = admission.RefusedBy is { Key.Scope: QuotaScope.Member }
                ? MemberThrottledText(memberLimit, _options.ChatCommandsPerMinute, seconds)
                : ThrottledText(seconds);
        }

        return false;
    }

    /// <summary>The one answer a throttled user gets: "Too many commands; wait 42 s."</summary>
    public static string ThrottledText(int seconds) => $"Too many commands; wait {Math.Max(1, seconds)} s.";

    /// <summary>The answer to a member over their share of a group's rate, naming the limit.</summary>
    public static string MemberThrottledText(int memberLimit, int chatLimit, int seconds) =>
        $"Too many commands from you in this group: one member may send {memberLimit} of its {chatLimit} a minute; wait {Math.Max(1, seconds)} s.";

    /// <summary>Mirrors what the conversation answers: anything in a private chat, and commands for this bot in groups.</summary>
    private bool IsAddressedToBot(IncomingMessage message) =>
        message.ChatKind == ChatKind.Private
        || CommandLine.Parse(message.Text) is { } line && line.IsFor(_identity.Username);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chat {ChatId} is not in Access:AllowedChatIds; refused (further messages are ignored for a while)")]
    private static partial void LogRefused(ILogger logger, long chatId);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} in chat {ChatId} sends commands too fast; ignoring them for {Seconds} s")]
    private static partial void LogThrottled(ILogger logger, long? userId, long chatId, int seconds);
}
