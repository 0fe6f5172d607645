namespace ScheduledMessages.Bot.Telegram.Replies;

/// <summary>The "Telegram:Replies" section: how replies to commands wait for their chat's turn (<see cref="ReplyQueue"/>).</summary>
public sealed class ReplyQueueOptions
{
    public const string SectionName = "Telegram:Replies";

    /// <summary>How many replies one chat may have waiting (the one being sent included); a reply beyond it is dropped.</summary>
    public int MaxQueuedPerChat { get; set; } = 100;

    /// <summary>How long a reply may wait to be sent; one that cannot be sent by then is dropped.</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long a stopping bot goes on sending the replies still waiting before it drops them.</summary>
    public TimeSpan ShutdownGrace { get; set; } = TimeSpan.FromSeconds(5);
}
