using ScheduledMessages.Integration.Telegram;

namespace ScheduledMessages.Integration.EndToEnd;

/// <summary>What the bot does with updates that reach it before its start-up with Telegram has finished.</summary>
public sealed class StartUpTests(SlowStartBotFixture bot) : IClassFixture<SlowStartBotFixture>
{
    [Fact]
    public async Task A_command_for_another_bot_that_arrives_before_start_up_finished_is_still_ignored()
    {
        var group = SlowStartBotFixture.Group;

        // Updates are processed in order: once this is answered, the queued one was handled.
        var reply = await bot.AskAsync(group, $"/help@{BotApiDouble.BotUsername}");

        Assert.StartsWith("I send messages to this chat", reply.Text, StringComparison.Ordinal);
        Assert.Single(bot.Api.SentTo(group));
    }
}
