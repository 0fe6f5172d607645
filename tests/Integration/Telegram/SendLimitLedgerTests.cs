namespace ScheduledMessages.Integration.Telegram;

/// <summary>The double's global window: strict when asked (the benchmark's check), half a window forgiven by default.</summary>
public sealed class SendLimitLedgerTests
{
    [Fact]
    public void A_strict_global_window_refuses_the_31st_send_within_one_second_and_takes_it_once_the_first_is_a_second_old()
    {
        var strict = Fill(BotApiLimits.StrictGlobal);
        var lenient = Fill(BotApiLimits.Telegram);

        Assert.NotNull(strict.TryRecord(31, TimeSpan.FromMilliseconds(999), BotApiLimits.StrictGlobal));
        Assert.Null(strict.TryRecord(31, TimeSpan.FromMilliseconds(1000), BotApiLimits.StrictGlobal));
        Assert.Null(lenient.TryRecord(31, TimeSpan.FromMilliseconds(999), BotApiLimits.Telegram));
    }

    /// <summary>30 sends to distinct chats, 10 ms apart from 0.</summary>
    private static SendLimitLedger Fill(BotApiLimits limits)
    {
        var ledger = new SendLimitLedger();
        for (var chat = 0; chat < 30; chat++)
        {
            Assert.Null(ledger.TryRecord(chat, TimeSpan.FromMilliseconds(10 * chat), limits));
        }

        return ledger;
    }
}
