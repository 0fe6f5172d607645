using ScheduledMessages.Integration.Telegram;

namespace ScheduledMessages.Integration.EndToEnd;

/// <summary>
/// The bot starting while Telegram is slow to answer getMe, with a group command for another bot
/// already waiting: updates arrive before the bot has learnt its own username.
/// </summary>
public sealed class SlowStartBotFixture : BotFixture
{
    public static readonly long Group = ChatIds.NextGroup();

    protected override void BeforeHostStarts(BotApiDouble api)
    {
        api.InjectFault(BotApiFault.Delay(TimeSpan.FromSeconds(3)), times: 1, method: "getMe");
        api.EnqueueMessage(Group, "/help@OtherBot");
    }
}
