namespace ScheduledMessages.Bot.Access;

/// <summary>The kind of thing a quota counts.</summary>
public enum QuotaScope
{
    /// <summary>Commands of one Telegram user, in whichever chat.</summary>
    User,

    /// <summary>Commands in one chat, from all its members.</summary>
    Chat,

    /// <summary>Commands of one member of a group in that group (a share of the chat's quota).</summary>
    Member,

    /// <summary>Refusals of a chat outside the allow-list (limit 0: only the first is answered).</summary>
    Refusal,
}
